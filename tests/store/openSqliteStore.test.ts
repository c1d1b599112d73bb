import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseFile, openSqliteStore, type Store } from '../../src/store/index.ts';
import { migrations } from '../../src/store/migrations.ts';

let dir: string;
const open: Store[] = [];
const fixedNow = () => new Date('2024-05-01T12:00:00.000Z');
const place = { guildId: '123456789012345678', channelId: '223456789012345678' };

async function openStore(options: { now?: () => Date; onWarning?: (message: string) => void } = {}) {
  const store = await openSqliteStore({ dataDir: dir, ...options });
  open.push(store);
  return store;
}

/** The temporary folder of the running test; `dir` may point below it. */
let root: string;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'citebot-store-'));
  dir = root;
});

afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
  await rm(root, { recursive: true, force: true });
});

const vote = (answerId: string, value: 'up' | 'down', userId = '42') => ({
  answerId,
  vote: value,
  question: 'When?',
  sources: ['a.md', 'b.md'],
  userId,
  place,
});

/**
 * What only SQLite has: the file, WAL, the old salt file. The Store's behaviour shared by every
 * engine (votes, settings, unanswered questions, aliases, two processes, close) is tested on
 * SQLite and PostgreSQL alike in engines.test.ts.
 */
describe('openSqliteStore', () => {
  it('creates DATA_DIR/citebot.sqlite in WAL mode with every migration applied', async () => {
    dir = join(dir, 'nested', 'data');
    await openStore();
    expect(await readdir(dir)).toContain(databaseFile);
    const raw = new SqliteDatabase(join(dir, databaseFile), { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    const applied = raw.prepare('select name from kysely_migration order by name').pluck().all();
    expect(applied).toEqual(['0001_initial', '0002_aliases_per_guild']);
    raw.close();
  });

  it('keeps the aliases of a database made before aliases were per server, ids and all', async () => {
    const raw = new SqliteDatabase(join(dir, databaseFile));
    const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
    const initial = migrations['0001_initial'];
    if (initial === undefined) throw new Error('no initial migration');
    await new Migrator({
      db,
      provider: { getMigrations: async () => ({ '0001_initial': initial }) },
    }).migrateToLatest();
    await sql`insert into aliases (article, question, question_key, status, guild_id, proposed_at)
      values ('a.md', 'How do I reset?', 'do how i reset', 'approved', 'g1', '2024-01-01T00:00:00.000Z')`.execute(
      db,
    );
    await db.destroy();

    const store = await openStore({ now: fixedNow });
    expect(await store.aliases('approved', 'g1')).toEqual([
      expect.objectContaining({ id: 1, article: 'a.md', question: 'How do I reset?', guildId: 'g1' }),
    ]);
    // The same wording: kept once in g1, a candidate of its own in g2, numbered after the old ones.
    await store.proposeAlias({ article: 'a.md', question: 'how do I RESET', guildId: 'g1' });
    await store.proposeAlias({ article: 'a.md', question: 'how do I RESET', guildId: 'g2' });
    expect((await store.aliases()).map((alias) => [alias.id, alias.guildId, alias.status])).toEqual([
      [1, 'g1', 'approved'],
      [2, 'g2', 'pending'],
    ]);
  });

  it('stores votes with a salted hash of the user, never the id', async () => {
    const store = await openStore({ now: fixedNow });
    expect(await store.recordVote(vote('900000000000000001', 'up', '555555555555555555'))).toBe(true);
    const [stored] = await store.votes();
    expect(stored).toEqual({
      answerId: '900000000000000001',
      vote: 'up',
      question: 'When?',
      sources: ['a.md', 'b.md'],
      time: '2024-05-01T12:00:00.000Z',
      ...place,
      user: store.hashUser('555555555555555555'),
    });
    expect(stored?.user).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain('555555555555555555');
  });

  it('keeps the same salt across restarts, so one user hashes alike', async () => {
    const first = await openStore();
    const hash = first.hashUser('42');
    await first.close();
    expect((await openStore()).hashUser('42')).toBe(hash);
  });

  it('adopts the salt file of older versions, so old hashes stay comparable', async () => {
    await writeFile(join(dir, 'user-hash.salt'), `${'ab'.repeat(32)}\n`);
    const adopted = await openStore();
    const expected = createHash('sha256')
      .update(`${'ab'.repeat(32)}:42`)
      .digest('hex');
    expect(adopted.hashUser('42')).toBe(expected);
  });

  it('refuses an empty or short old salt file with what to do, instead of hashing with it', async () => {
    // An empty salt would make every hash a plain, reversible SHA-256 of the id.
    await writeFile(join(dir, 'user-hash.salt'), '');
    await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow(
      /salt file .* is empty .*delete it to make a new one/,
    );
    await writeFile(join(dir, 'user-hash.salt'), 'abc\n');
    await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow(/too short \(3 characters, at least 32/);
  });

  it('names the file when the database cannot be opened', async () => {
    await writeFile(join(dir, databaseFile), 'not a database, just text that is long enough to be read');
    await expect(openSqliteStore({ dataDir: dir })).rejects.toThrow(/store: .*citebot\.sqlite/);
  });
});
