import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { importLegacyLogs } from './importJsonl.ts';
import { KyselyStore } from './kyselyStore.ts';
import { migrateToLatest } from './migrate.ts';
import { loadSalt } from './salt.ts';
import type { Database } from './schema.ts';
import type { ImportReport, Store } from './types.ts';

/** The database file inside DATA_DIR. */
export const databaseFile = 'citebot.sqlite';

/** Options of {@link openSqliteStore}. */
export interface SqliteStoreOptions {
  /** DATA_DIR: created when missing. */
  readonly dataDir: string;
  /** How long a write waits for another process's lock before failing (SQLite's busy timeout). */
  readonly busyTimeoutMs?: number;
  /** The clock of stored times (tests fix it). */
  readonly now?: () => Date;
  /** Told once per old JSONL log imported. */
  readonly onImport?: (report: ImportReport) => void;
}

/**
 * Opens `DATA_DIR/citebot.sqlite` (WAL journal, so readers never block the writer and several
 * processes may share it; a busy timeout; full sync, so a vote acknowledged is on disk), applies
 * pending migrations, and imports the old JSONL logs on first start.
 *
 * @throws Error `store: …` naming the file when it cannot be opened or migrated
 */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const { dataDir } = options;
  const path = join(dataDir, databaseFile);
  let sqlite: SqliteDatabase.Database;
  try {
    await mkdir(dataDir, { recursive: true });
    sqlite = new SqliteDatabase(path);
    sqlite.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
  } catch (error) {
    throw new Error(`store: cannot open '${path}': ${(error as Error).message}`);
  }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
    const salt = await loadSalt(db, dataDir);
    for (const report of await importLegacyLogs(db, dataDir)) options.onImport?.(report);
    return new KyselyStore(db, salt, options.now);
  } catch (error) {
    await db.destroy();
    const message = (error as Error).message;
    throw new Error(message.startsWith('store:') ? message : `store: '${path}': ${message}`);
  }
}
