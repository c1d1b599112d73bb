import { type Kysely, type MigrationProvider, Migrator, SqliteAdapter, sql } from 'kysely';
import { migrations } from './migrations.ts';
import type { Database } from './schema.ts';

const provider: MigrationProvider = { getMigrations: async () => ({ ...migrations }) };

/**
 * Runs `work` holding SQLite's write lock (BEGIN IMMEDIATE, waiting up to the busy timeout), as
 * Kysely's Migrator takes no lock on SQLite: it assumes one process. Other engines lock themselves.
 */
async function exclusively<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (!(db.getExecutor().adapter instanceof SqliteAdapter)) return work();
  await sql`begin immediate`.execute(db);
  try {
    const result = await work();
    await sql`commit`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback`.execute(db);
    throw error;
  }
}

/**
 * Applies every migration not yet applied (Kysely's Migrator, which records them in
 * `kysely_migration`). Several processes starting at once on one database are safe: the others
 * wait for the lock and then find the work done.
 *
 * @returns the names of the migrations this call applied
 * @throws Error `store: migration … failed: …`
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrator = new Migrator({ db, provider });
  const results = await exclusively(db, async () => {
    const { error, results } = await migrator.migrateToLatest();
    if (error !== undefined) throw error;
    return results ?? [];
  }).catch((error: unknown) => {
    throw new Error(`store: migrating the database failed: ${(error as Error).message}`);
  });
  return results.filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
