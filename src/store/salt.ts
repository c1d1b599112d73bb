import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Where versions before the database kept the salt; still read once so old hashes stay comparable. */
export const legacySaltFile = 'user-hash.salt';

const saltKey = 'user_hash_salt';

/** A salt shorter than this is not one (an empty file left by a crash between create and write). */
const minSaltLength = 16;

async function legacySalt(
  dataDir: string,
  onWarning: (message: string) => void,
): Promise<string | undefined> {
  let text: string;
  try {
    text = (await readFile(join(dataDir, legacySaltFile), 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`store: cannot read '${legacySaltFile}': ${(error as Error).message}`);
  }
  if (text.length >= minSaltLength) return text;
  onWarning(
    `store: '${legacySaltFile}' holds no usable salt (${text.length} characters); a new salt is made`,
  );
  return undefined;
}

/**
 * The per-installation salt for hashing user ids, kept in the database. Made once (taken from the
 * old salt file when it holds one); two processes racing to make it agree on the first one written.
 */
export async function loadSalt(
  db: Kysely<Database>,
  dataDir: string,
  onWarning: (message: string) => void,
): Promise<string> {
  const stored = () => db.selectFrom('meta').select('value').where('name', '=', saltKey).executeTakeFirst();
  const existing = await stored();
  if (existing !== undefined) return existing.value;
  const salt = (await legacySalt(dataDir, onWarning)) ?? randomBytes(32).toString('hex');
  await db
    .insertInto('meta')
    .values({ name: saltKey, value: salt })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const written = await stored();
  if (written === undefined) throw new Error('store: the salt was not stored');
  return written.value;
}
