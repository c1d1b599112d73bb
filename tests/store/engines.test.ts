import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openStore, redactDatabaseUrl, type Store } from '../../src/store/index.ts';
import { type PostgresServer, startPostgres } from '../support/servers/postgres.ts';

/**
 * The Store's behaviour on every engine: SQLite in DATA_DIR, and a real PostgreSQL server
 * (tests/support/servers) through DATABASE_URL. Each test gets a fresh folder and a fresh database.
 */
const engines = ['sqlite', 'postgres'] as const;

let postgres: PostgresServer | undefined;
let databaseCount = 0;

beforeAll(async () => {
  postgres = await startPostgres();
}, 60_000);

afterAll(async () => {
  await postgres?.stop();
});

const fixedNow = () => new Date('2024-05-01T12:00:00.000Z');
const place = { guildId: '123456789012345678', channelId: '223456789012345678' };
const vote = (answerId: string, value: 'up' | 'down', userId = '42') => ({
  answerId,
  vote: value,
  question: 'When?',
  sources: ['a.md', 'b.md'],
  userId,
  place,
});

describe.each(engines)('the store on %s', (engine) => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  const open: Store[] = [];

  async function openOne(options: { now?: () => Date } = {}): Promise<Store> {
    const store = await openStore({ dataDir, databaseUrl, ...options });
    open.push(store);
    return store;
  }

  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'citebot-engines-'));
    databaseCount += 1;
    databaseUrl =
      engine === 'postgres' ? await postgres?.createDatabase(`citebot_${databaseCount}`) : undefined;
  });

  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('counts a repeated vote once, even after a restart, and lets a voter change their mind', async () => {
    let store = await openOne();
    expect(await store.recordVote(vote('m1', 'up'))).toBe(true);
    expect(await store.recordVote(vote('m1', 'up'))).toBe(false);
    await store.close();
    store = await openOne();
    expect(await store.recordVote(vote('m1', 'up'))).toBe(false);
    expect(await store.recordVote(vote('m1', 'up', '43'))).toBe(true);
    expect(await store.recordVote(vote('m1', 'down'))).toBe(true);
    expect(await store.counts()).toEqual({ up: 1, down: 1, unanswered: 0 });
  });

  it('stores a salted hash of the voter, the same across restarts', async () => {
    const first = await openOne({ now: fixedNow });
    await first.recordVote(vote('m1', 'up', '555555555555555555'));
    const hash = first.hashUser('555555555555555555');
    await first.close();
    const second = await openOne();
    expect(second.hashUser('555555555555555555')).toBe(hash);
    const [stored] = await second.votes();
    expect(stored).toEqual({
      answerId: 'm1',
      vote: 'up',
      question: 'When?',
      sources: ['a.md', 'b.md'],
      time: '2024-05-01T12:00:00.000Z',
      ...place,
      user: hash,
    });
  });

  it('filters unanswered questions by time and server, oldest first', async () => {
    let now = new Date('2024-05-01T00:00:00.000Z');
    const store = await openOne({ now: () => now });
    await store.recordUnanswered({ question: 'old', reason: 'no-match', sources: [], userId: '1', place });
    now = new Date('2024-05-10T00:00:00.000Z');
    await store.recordUnanswered({
      question: 'new',
      reason: 'low-confidence',
      sources: ['c.md'],
      userId: '1',
      place,
    });
    await store.recordUnanswered({
      question: 'elsewhere',
      reason: 'no-match',
      sources: [],
      userId: '1',
      place: {},
    });
    const since = '2024-05-05T00:00:00.000Z';
    expect(await store.unanswered({ since, guildId: place.guildId })).toEqual([
      expect.objectContaining({ question: 'new', reason: 'low-confidence', sources: ['c.md'] }),
    ]);
    expect((await store.unanswered()).map((row) => row.question)).toEqual(['old', 'new', 'elsewhere']);
    expect(await store.counts()).toEqual({ up: 0, down: 0, unanswered: 3 });
  });

  it('sets, replaces and removes per-server settings, with who and when', async () => {
    const store = await openOne({ now: fixedNow });
    await store.putSetting({ guildId: 'g1', name: 'hideByDefault', value: true, setBy: 'u1' });
    await store.putSetting({ guildId: 'g1', name: 'channel:c1', value: 'all', setBy: 'u1' });
    await store.putSetting({ guildId: 'g1', name: 'channel:c1', value: 'questions', setBy: 'u2' });
    await store.putSetting({ guildId: 'g2', name: 'language', value: 'de', setBy: 'u3' });
    expect(await store.settings('g1')).toEqual([
      { guildId: 'g1', name: 'channel:c1', value: 'questions', setBy: 'u2', setAt: fixedNow().toISOString() },
      { guildId: 'g1', name: 'hideByDefault', value: true, setBy: 'u1', setAt: fixedNow().toISOString() },
    ]);
    await store.putSetting({ guildId: 'g1', name: 'hideByDefault', value: undefined, setBy: 'u1' });
    expect((await store.settings('g1')).map((setting) => setting.name)).toEqual(['channel:c1']);
  });

  it('proposes an alias once per wording and records the decision', async () => {
    const store = await openOne({ now: fixedNow });
    await store.proposeAlias({ article: 'a.md', question: 'How do I reset?', guildId: 'g1' });
    await store.proposeAlias({ article: 'a.md', question: 'how do i RESET', guildId: 'g1' });
    await store.proposeAlias({ article: 'b.md', question: 'How do I reset?', guildId: null });
    const pending = await store.aliases('pending');
    expect(pending.map((alias) => [alias.article, alias.question, alias.guildId])).toEqual([
      ['a.md', 'How do I reset?', 'g1'],
      ['b.md', 'How do I reset?', null],
    ]);
    expect(typeof pending[0]?.id).toBe('number');
    expect(await store.decideAlias({ id: pending[0]?.id ?? -1, approve: true, by: 'u1' })).toBe(true);
    expect(await store.decideAlias({ id: 999, approve: true, by: 'u1' })).toBe(false);
    expect(await store.aliases('approved')).toEqual([
      expect.objectContaining({
        article: 'a.md',
        status: 'approved',
        decidedBy: 'u1',
        decidedAt: fixedNow().toISOString(),
      }),
    ]);
  });

  it('keeps one proposal per wording in each server, and lists one server with its status', async () => {
    const store = await openOne({ now: fixedNow });
    await store.proposeAlias({ article: 'a.md', question: 'How do I reset?', guildId: 'g1' });
    await store.proposeAlias({ article: 'a.md', question: 'reset, how do I', guildId: 'g2' });
    await store.proposeAlias({ article: 'a.md', question: 'How do I reset?', guildId: 'g2' });
    await store.proposeAlias({ article: 'b.md', question: 'Where is it?', guildId: 'g1' });
    const g2 = await store.aliases('pending', 'g2');
    expect(g2.map((alias) => [alias.article, alias.question])).toEqual([['a.md', 'reset, how do I']]);
    await store.decideAlias({ id: g2[0]?.id ?? -1, approve: true, by: 'u1' });
    expect((await store.aliases('approved', 'g2')).map((alias) => alias.question)).toEqual([
      'reset, how do I',
    ]);
    expect(await store.aliases('approved', 'g1')).toEqual([]);
    expect((await store.aliases('pending', 'g1')).map((alias) => alias.article)).toEqual(['a.md', 'b.md']);
  });

  it('lets two stores (as two processes would) start on one database at once: migrated once, one salt, every vote kept', async () => {
    const [a, b] = await Promise.all([openOne(), openOne()]);
    if (a === undefined || b === undefined) throw new Error('two stores expected');
    expect(a.hashUser('42')).toBe(b.hashUser('42'));
    const writes = Array.from({ length: 40 }, (_, i) =>
      (i % 2 === 0 ? a : b).recordVote(vote(`m${i % 20}`, i < 20 ? 'up' : 'down', String(i))),
    );
    expect((await Promise.all(writes)).every(Boolean)).toBe(true);
    // The same vote from the other process is still a repeat.
    expect(await b.recordVote(vote('m0', 'up', '0'))).toBe(false);
    expect(await a.counts()).toEqual({ up: 20, down: 20, unanswered: 0 });
    // A setting written by one is read by the other.
    await a.putSetting({ guildId: 'g1', name: 'language', value: 'de', setBy: 'u1' });
    expect((await b.settings('g1')).map((setting) => setting.value)).toEqual(['de']);
  });

  it('refuses calls after close', async () => {
    const store = await openOne();
    await store.close();
    await expect(store.counts()).rejects.toThrow(/store: the database is closed/);
  });
});

describe('the store on postgres, failures', () => {
  it('names the server but never its password when it cannot connect', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'citebot-engines-'));
    try {
      // Port 1 is privileged and never a PostgreSQL here: the connection is refused.
      const url = 'postgres://citebot:hunter2secret@127.0.0.1:1/citebot';
      const failure = openStore({ dataDir, databaseUrl: url });
      await expect(failure).rejects.toThrow(
        /^store: PostgreSQL at postgres:\/\/citebot:\*\*\*@127\.0\.0\.1:1\/citebot: /,
      );
      await expect(failure).rejects.not.toThrow(/hunter2secret/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('redacts only the password of a URL', () => {
    expect(redactDatabaseUrl('postgres://u:p@db.example:5432/x?sslmode=require')).toBe(
      'postgres://u:***@db.example:5432/x?sslmode=require',
    );
    expect(redactDatabaseUrl('postgres://db.example/x')).toBe('postgres://db.example/x');
  });
});
