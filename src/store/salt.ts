import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Where versions before the database kept the salt; still read once so old hashes stay comparable. */
export const legacySaltFile = 'user-hash.salt';

const saltKey = 'user_hash_salt';

/** A salt shorter than this (hex characters) hashes user ids too weakly; citebot's are 64. */
const minSaltLength = 32;

async function legacySalt(dataDir: string): Promise<string | undefined> {
  const path = join(dataDir, legacySaltFile);
  let text: string;
  try {
    text = (await readFile(path, 'utf8')).trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`store: cannot read the salt file '${path}': ${(error as Error).message}`);
  }
  if (text.length >= minSaltLength) return text;
  // Silently making a new salt would leave every stored hash unmatchable: the operator decides.
  throw new Error(
    `store: the salt file '${path}' is ${text.length === 0 ? 'empty' : 'too short'} (${text.length} characters, at least ${minSaltLength} needed): restore it from a backup, or delete it to make a new one (stored user hashes then no longer match new ones)`,
  );
}

/**
 * The per-installation salt for hashing user ids, kept in the database. Made once (taken from the
 * old salt file when there is one); two processes racing to make it agree on the first one written.
 *
 * @throws Error `store: the salt file … is empty …` when the old file is empty or too short
 */
export async function loadSalt(db: Kysely<Database>, dataDir: string): Promise<string> {
  const stored = () => db.selectFrom('meta').select('value').where('name', '=', saltKey).executeTakeFirst();
  const existing = await stored();
  if (existing !== undefined) return existing.value;
  const salt = (await legacySalt(dataDir)) ?? randomBytes(32).toString('hex');
  await db
    .insertInto('meta')
    .values({ name: saltKey, value: salt })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const written = await stored();
  if (written === undefined) throw new Error('store: the salt was not stored');
  return written.value;
}
