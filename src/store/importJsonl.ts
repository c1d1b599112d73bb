import { readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Insertable, Kysely } from 'kysely';
import { retryWhenBusy } from './busy.ts';
import { maxStoredQuestion } from './kyselyStore.ts';
import type { Database } from './schema.ts';
import type { ImportReport } from './types.ts';

/** The append-only logs of versions before the database. */
export const legacyLogs = { votes: 'feedback.jsonl', unanswered: 'unanswered.jsonl' } as const;

type Line = Record<string, unknown>;

function parseRecord(text: string): Line | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Line) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Splits a JSONL log into records and unreadable text. A crash could cut a line short, and the old
 * writer then appended the next record to that same line: the record after the cut is recovered.
 */
export function readJsonl(text: string): { records: Line[]; unreadable: string[] } {
  const records: Line[] = [];
  const unreadable: string[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const whole = parseRecord(line);
    if (whole !== undefined) {
      records.push(whole);
      continue;
    }
    const start = line.lastIndexOf('{"type":');
    const tail = start > 0 ? parseRecord(line.slice(start)) : undefined;
    if (tail === undefined) unreadable.push(line);
    else {
      unreadable.push(line.slice(0, start));
      records.push(tail);
    }
  }
  return { records, unreadable };
}

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' ? value : fallback);
const textOrNull = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const sources = (value: unknown): string =>
  JSON.stringify(Array.isArray(value) ? value.filter((item) => typeof item === 'string') : []);

function voteRow(record: Line, line: number): Insertable<Database['votes']> | undefined {
  if (record.vote !== 'up' && record.vote !== 'down') return undefined;
  return {
    // The old log did not know which message was voted on: each line is its own answer.
    answer_id: `${legacyLogs.votes}:${line}`,
    user_hash: text(record.user),
    vote: record.vote,
    question: text(record.question).slice(0, maxStoredQuestion),
    sources: sources(record.sources),
    guild_id: textOrNull(record.guildId),
    channel_id: textOrNull(record.channelId),
    time: text(record.time, new Date(0).toISOString()),
  };
}

function unansweredRow(record: Line): Insertable<Database['unanswered']> | undefined {
  if (typeof record.question !== 'string') return undefined;
  return {
    question: record.question.slice(0, maxStoredQuestion),
    reason: text(record.reason, 'no-match'),
    sources: sources(record.sources),
    guild_id: textOrNull(record.guildId),
    channel_id: textOrNull(record.channelId),
    user_hash: text(record.user),
    time: text(record.time, new Date(0).toISOString()),
  };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** `feedback.jsonl.imported`, or with a time stamp when that name is taken. */
async function setAsideName(path: string, suffix: string): Promise<string> {
  const plain = `${path}.${suffix}`;
  return (await exists(plain)) ? `${plain}-${Date.now()}` : plain;
}

async function importOne(
  db: Kysely<Database>,
  dataDir: string,
  kind: keyof typeof legacyLogs,
): Promise<ImportReport | undefined> {
  const file = legacyLogs[kind];
  const path = join(dataDir, file);
  let content: string;
  try {
    content = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`store: cannot read '${file}' to import it: ${(error as Error).message}`);
  }
  const { records, unreadable } = readJsonl(content);
  const marker = `imported:${file}`;
  let imported = 0;
  let setAside = unreadable.length;
  await retryWhenBusy(() =>
    db.transaction().execute(async (trx) => {
      imported = 0;
      setAside = unreadable.length;
      // Another process (or an earlier start that crashed before renaming) did it already.
      const done = await trx.selectFrom('meta').select('name').where('name', '=', marker).executeTakeFirst();
      if (done !== undefined) return;
      for (const [index, record] of records.entries()) {
        const row = kind === 'votes' ? voteRow(record, index + 1) : unansweredRow(record);
        if (row === undefined) {
          setAside += 1;
          unreadable.push(JSON.stringify(record));
          continue;
        }
        if (kind === 'votes')
          await trx
            .insertInto('votes')
            .values(row as Insertable<Database['votes']>)
            .onConflict((conflict) => conflict.doNothing())
            .execute();
        else
          await trx
            .insertInto('unanswered')
            .values(row as Insertable<Database['unanswered']>)
            .execute();
        imported += 1;
      }
      await trx.insertInto('meta').values({ name: marker, value: new Date().toISOString() }).execute();
    }),
  );
  if (unreadable.length > 0) {
    await writeFile(await setAsideName(path, 'unreadable'), `${unreadable.join('\n')}\n`, { mode: 0o600 });
  }
  const renamedTo = await setAsideName(path, 'imported');
  await rename(path, renamedTo).catch((error: NodeJS.ErrnoException) => {
    // The other process renamed it first.
    if (error.code !== 'ENOENT') throw new Error(`store: cannot rename '${file}': ${error.message}`);
  });
  return { file, imported, setAside, renamedTo };
}

/**
 * Imports `feedback.jsonl` and `unanswered.jsonl` of an older version into the database once, then
 * renames each to `<file>.imported` (left in place for the operator). Unreadable lines are set
 * aside in `<file>.unreadable` and counted, never dropped silently.
 */
export async function importLegacyLogs(db: Kysely<Database>, dataDir: string): Promise<ImportReport[]> {
  const reports: ImportReport[] = [];
  for (const kind of ['votes', 'unanswered'] as const) {
    const report = await importOne(db, dataDir, kind);
    if (report !== undefined) reports.push(report);
  }
  return reports;
}
