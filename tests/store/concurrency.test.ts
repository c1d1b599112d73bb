import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/config/index.ts';
import { databaseFile, openSqliteStore } from '../../src/store/index.ts';

let dir: string | undefined;

afterEach(async () => {
  if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

function runWriter(
  dataDir: string,
  name: string,
  count: number,
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(projectRoot, 'tests/store/fixtures/concurrentWriter.ts'),
        dataDir,
        name,
        String(count),
      ],
      { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      out += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('two processes on one DATA_DIR', () => {
  it('both start on a fresh folder (migrations, salt, import race) and every write of each survives', async () => {
    dir = await mkdtemp(join(tmpdir(), 'citebot-store-race-'));
    // An old log for both to race over importing: it must be imported exactly once.
    await writeFile(
      join(dir, 'unanswered.jsonl'),
      `${JSON.stringify({ type: 'unanswered', question: 'old gap', reason: 'no-match', sources: [], time: '2024-01-01T00:00:00.000Z', guildId: null, channelId: null, user: 'x' })}\n`,
    );
    const count = 150;
    const results = await Promise.all([runWriter(dir, 'p1', count), runWriter(dir, 'p2', count)]);
    for (const result of results) expect(result).toEqual({ code: 0, out: 'done\n' });

    const store = await openSqliteStore({ dataDir: dir });
    expect(await store.counts()).toEqual({ up: count, down: count, unanswered: 2 * count + 1 });
    const gaps = await store.unanswered();
    expect(gaps.filter((gap) => gap.question === 'old gap')).toHaveLength(1);
    expect((await store.settings('100000000000000001')).map((setting) => setting.name)).toHaveLength(10);
    // Both processes hashed the same user id alike: they agreed on one salt.
    const hashes = new Set((await store.votes()).map((vote) => vote.user));
    expect(hashes.size).toBe(1);
    await store.close();

    const raw = new SqliteDatabase(join(dir, databaseFile), { readonly: true });
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  }, 60_000);
});
