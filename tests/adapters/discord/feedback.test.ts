import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
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
    expect(store.counts()).toEqual({ up: 1, down: 1, unanswered: 1, setAside: 0 });
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
    expect(second.counts()).toEqual({ up: 2, down: 0, unanswered: 1, setAside: 0 });
    expect(second.hashUser('1')).toBe(first.hashUser('1'));
    await second.close();
  });

  it('skips a line cut short by a crash and keeps the rest', async () => {
    await writeFile(join(dir, 'feedback.jsonl'), '{"type":"vote","vote":"up"}\n{"type":"vote","vo');
    const store = await FeedbackStore.open(dir);
    expect(store.counts().up).toBe(1);
    await store.close();
  });

  it('starts the next record on a new line after a cut last line, and counts the cut line as set aside', async () => {
    const whole = '{"type":"unanswered","question":"first","reason":"no-match","sources":[]}';
    await writeFile(join(dir, 'unanswered.jsonl'), `${whole}\n{"type":"unanswered","quest`);
    await writeFile(join(dir, 'feedback.jsonl'), '{"type":"vote","vote":"down"}\n{"type":"vote","vo');
    const first = await FeedbackStore.open(dir);
    expect(first.counts()).toEqual({ up: 0, down: 1, unanswered: 1, setAside: 2 });
    await first.recordUnanswered({ question: 'second', reason: 'no-match', sources: [], userId: '1', place });
    await first.recordVote({ vote: 'up', question: 'q', sources: [], userId: '1', place });
    await first.close();

    // After a restart nothing written after the cut is lost, and the cut lines are still counted.
    const second = await FeedbackStore.open(dir);
    expect(second.counts()).toEqual({ up: 1, down: 1, unanswered: 2, setAside: 2 });
    const { unanswered } = await second.read();
    expect(unanswered.map((record) => record.question)).toEqual(['first', 'second']);
    await second.close();
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
    expect(store.counts()).toEqual({ up: 25, down: 25, unanswered: 0, setAside: 0 });
    await store.close();
  });

  it.each([
    ['empty', ''],
    ['too short', 'abc123\n'],
  ])(
    'refuses a salt file that is %s, naming the file, instead of hashing without a salt',
    async (what, text) => {
      await writeFile(join(dir, 'user-hash.salt'), text);
      await expect(FeedbackStore.open(dir)).rejects.toThrow(
        `feedback: the salt file '${join(dir, 'user-hash.salt')}' is ${what}`,
      );
    },
  );

  it('creates one whole salt when several stores open at once, leaving no temporary file', async () => {
    const stores = await Promise.all(Array.from({ length: 5 }, () => FeedbackStore.open(dir)));
    const hashes = new Set(stores.map((store) => store.hashUser('1')));
    expect(hashes.size).toBe(1);
    expect((await readFile(join(dir, 'user-hash.salt'), 'utf8')).trim()).toMatch(/^[0-9a-f]{64}$/);
    expect((await readdir(dir)).filter((name) => name.includes('salt'))).toEqual(['user-hash.salt']);
    await Promise.all(stores.map((store) => store.close()));
  });

  it('refuses writes after close', async () => {
    const store = await FeedbackStore.open(dir);
    await store.close();
    await expect(
      store.recordVote({ vote: 'up', question: 'q', sources: [], userId: '1', place }),
    ).rejects.toThrow('feedback: store is closed');
  });
});
