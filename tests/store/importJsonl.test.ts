import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/store/importJsonl.ts';
import { type ImportReport, openSqliteStore } from '../../src/store/index.ts';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'citebot-import-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const vote = (n: number, value: 'up' | 'down') =>
  JSON.stringify({
    type: 'vote',
    vote: value,
    question: `q${n}`,
    sources: ['a.md'],
    time: `2024-05-0${n}T00:00:00.000Z`,
    guildId: '123456789012345678',
    channelId: null,
    user: 'hash',
  });
const unanswered = (question: string) =>
  JSON.stringify({
    type: 'unanswered',
    question,
    reason: 'no-match',
    sources: [],
    time: '2024-05-01T00:00:00.000Z',
    guildId: null,
    channelId: null,
    user: 'hash',
  });

describe('readJsonl', () => {
  it('recovers the record the old writer appended to a line cut short by a crash', () => {
    const cut = vote(1, 'up').slice(0, 30);
    const { records, unreadable } = readJsonl(
      `${vote(1, 'up')}\n${cut}${vote(2, 'down')}\n${vote(3, 'up')}\n`,
    );
    expect(records.map((record) => record.question)).toEqual(['q1', 'q2', 'q3']);
    expect(unreadable).toEqual([cut]);
  });

  it('sets aside a cut last line', () => {
    const { records, unreadable } = readJsonl(`${vote(1, 'up')}\n${vote(2, 'up').slice(0, 40)}`);
    expect(records).toHaveLength(1);
    expect(unreadable).toHaveLength(1);
  });
});

describe('the one-time import of the JSONL logs', () => {
  it('imports both logs on first start, renames them, and never imports them again', async () => {
    const cutLast = vote(4, 'up').slice(0, 25);
    await writeFile(
      join(dir, 'feedback.jsonl'),
      `${vote(1, 'up')}\n${vote(2, 'down')}\n${vote(3, 'up')}\n${cutLast}`,
    );
    await writeFile(join(dir, 'unanswered.jsonl'), `${unanswered('why?')}\n`);
    const reports: ImportReport[] = [];
    const store = await openSqliteStore({ dataDir: dir, onImport: (report) => reports.push(report) });
    expect(reports).toEqual([
      { file: 'feedback.jsonl', imported: 3, setAside: 1, renamedTo: join(dir, 'feedback.jsonl.imported') },
      {
        file: 'unanswered.jsonl',
        imported: 1,
        setAside: 0,
        renamedTo: join(dir, 'unanswered.jsonl.imported'),
      },
    ]);
    expect(await store.counts()).toEqual({ up: 2, down: 1, unanswered: 1 });
    expect((await store.votes())[0]).toMatchObject({
      question: 'q1',
      user: 'hash',
      guildId: '123456789012345678',
    });
    await store.close();

    const files = await readdir(dir);
    expect(files).not.toContain('feedback.jsonl');
    expect(files).toEqual(expect.arrayContaining(['feedback.jsonl.imported', 'feedback.jsonl.unreadable']));
    expect(await readFile(join(dir, 'feedback.jsonl.unreadable'), 'utf8')).toBe(`${cutLast}\n`);

    // A file put back by hand is not imported twice.
    await writeFile(join(dir, 'unanswered.jsonl'), `${unanswered('why?')}\n`);
    const again = await openSqliteStore({ dataDir: dir, onImport: (report) => reports.push(report) });
    expect(await again.counts()).toEqual({ up: 2, down: 1, unanswered: 1 });
    expect(reports.at(-1)).toMatchObject({ file: 'unanswered.jsonl', imported: 0 });
    await again.close();
  });
});
