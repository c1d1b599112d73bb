import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { importLegacyLogs } from './importJsonl.ts';
import { KyselyStore } from './kyselyStore.ts';
import { migrateToLatest } from './migrate.ts';
import { loadSalt } from './salt.ts';
import type { Database } from './schema.ts';
import type { ImportReport, Store } from './types.ts';

/** Options of {@link openPostgresStore}. */
export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database` (DATABASE_URL). */
  readonly databaseUrl: string;
  /** DATA_DIR: where an old salt file or old JSONL logs may still wait to be imported. */
  readonly dataDir: string;
  /** Connections this process keeps open at most (pg's pool; 10 by default). */
  readonly maxConnections?: number;
  /** The clock of stored times (tests fix it). */
  readonly now?: () => Date;
  readonly onWarning?: (message: string) => void;
  /** Told once per old JSONL log imported. */
  readonly onImport?: (report: ImportReport) => void;
}

/** The URL without its password, for messages. */
export function redactDatabaseUrl(databaseUrl: string): string {
  if (!URL.canParse(databaseUrl)) return '(unparsable DATABASE_URL)';
  const url = new URL(databaseUrl);
  if (url.password !== '') url.password = '***';
  return url.toString();
}

/**
 * Opens the {@link Store} on a PostgreSQL server: the same Kysely store and the same migrations as
 * SQLite (Kysely's Migrator holds a Postgres advisory lock, so replicas starting together migrate
 * once). Every replica may share one database.
 *
 * @throws Error `store: …` naming the server (never its password) when it cannot be reached or migrated
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const where = redactDatabaseUrl(options.databaseUrl);
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: 10_000,
  });
  // An idle connection the server drops must not crash the process; the next query reconnects.
  pool.on('error', (error) => options.onWarning?.(`store: PostgreSQL connection lost: ${error.message}`));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrateToLatest(db);
    const salt = await loadSalt(db, options.dataDir);
    for (const report of await importLegacyLogs(db, options.dataDir)) options.onImport?.(report);
    return new KyselyStore(db, salt, options.now);
  } catch (error) {
    await db.destroy();
    const message = (error as Error).message.replaceAll(options.databaseUrl, where);
    throw new Error(`store: PostgreSQL at ${where}: ${message.replace(/^store: /, '')}`);
  }
}
