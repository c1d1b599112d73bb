import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedbackStore } from '../../../src/adapters/discord/feedback.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-feedback-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const place = { guildId: '123456789012345678', channelId: '223456789012345678' };
const fixedNow = () => new Date('2024-05-01T12:00:00.000Z');

describe('FeedbackStore', () => {
  it('appends votes and unanswered questions and reads them back', async () => {
    const store = await FeedbackStore.open(dir, { now: fixedNow });
    await store.recordVote({ vote: 'up', question: 'When?', sources: ['a.md', 'b.md'], userId: '42', place });
    await store.recordVote({ vote: 'down', question: 'Who?', sources: [], userId: '43', place: {} });
    await store.recordUnanswered({
      question: 'Why?',
      reason: 'no-match',
      sources: ['c.md'],
      userId: '42',
      place,
    });

    const { votes, unanswered } = await store.read();
    expect(votes).toEqual([
      {
        type: 'vote',
        vote: 'up',
        question: 'When?',
        sources: ['a.md', 'b.md'],
        time: '2024-05-01T12:00:00.000Z',
        ...place,
        user: store.hashUser('42'),
      },
      expect.objectContaining({ vote: 'down', guildId: null, channelId: null }),
    ]);
    expect(unanswered).toEqual([
      expect.objectContaining({ question: 'Why?', reason: 'no-match', sources: ['c.md'] }),
    ]);
    expect(store.counts()).toEqual({ up: 1, down: 1, unanswered: 1 });
    await store.close();
  });

  it('stores a salted SHA-256 of the user id, never the id itself', async () => {
    const store = await FeedbackStore.open(dir);
    await store.recordVote({
      vote: 'up',
      question: 'q',
      sources: [],
      userId: '123456789012345678',
      place: {},
    });
    await store.close();
    const text = await readFile(join(dir, 'feedback.jsonl'), 'utf8');
    expect(text).not.toContain('123456789012345678"');
    expect(JSON.parse(text).user).toMatch(/^[0-9a-f]{64}$/);
  });

  it('keeps everything across a restart and counts it again', async () => {
    const first = await FeedbackStore.open(dir);
    await Promise.all([
      first.recordVote({ vote: 'up', question: 'a', sources: [], userId: '1', place }),
      first.recordVote({ vote: 'up', question: 'b', sources: [], userId: '2', place }),
      first.recordUnanswered({ question: 'c', reason: 'low-confidence', sources: [], userId: '1', place }),
    ]);
    await first.close();

    const second = await FeedbackStore.open(dir);
    expect(second.counts()).toEqual({ up: 2, down: 0, unanswered: 1 });
    expect(second.hashUser('1')).toBe(first.hashUser('1'));
    await second.close();
  });

  it('skips a line cut short by a crash and keeps the rest', async () => {
    await writeFile(join(dir, 'feedback.jsonl'), '{"type":"vote","vote":"up"}\n{"type":"vote","vo');
    const store = await FeedbackStore.open(dir);
    expect(store.counts().up).toBe(1);
    await store.close();
  });

  it('writes concurrent records as whole lines', async () => {
    const store = await FeedbackStore.open(dir);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        store.recordVote({
          vote: i % 2 ? 'up' : 'down',
          question: `q${i}`.repeat(50),
          sources: [],
          userId: String(i),
          place,
        }),
      ),
    );
    const { votes } = await store.read();
    expect(votes).toHaveLength(50);
    expect(store.counts()).toEqual({ up: 25, down: 25, unanswered: 0 });
    await store.close();
  });

  it('refuses writes after close', async () => {
    const store = await FeedbackStore.open(dir);
    await store.close();
    await expect(
      store.recordVote({ vote: 'up', question: 'q', sources: [], userId: '1', place }),
    ).rejects.toThrow('feedback: store is closed');
  });
});
