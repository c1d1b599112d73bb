import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { SkippedFile } from '../types.ts';
import { ARTICLE_EXTENSIONS, readerFor } from './readers/index.ts';
import { codeOf, walkFiles } from './walk.ts';

/** Raw bytes of one candidate article. */
export interface RawFile {
  readonly id: string;
  readonly bytes: Uint8Array;
}

/** Everything read from a knowledge folder, before parsing. */
export interface KnowledgeFiles {
  readonly files: readonly RawFile[];
  readonly skipped: readonly SkippedFile[];
  /** Text of `synonyms.txt` at the folder's top, if present. */
  readonly synonyms?: string;
  /** SHA-256 over every file's path and bytes: changes whenever the knowledge changes. */
  readonly hash: string;
}

/** Options for reading a knowledge folder. */
export interface ReadOptions {
  /** Files larger than this are skipped (bytes). */
  readonly maxFileBytes: number;
}

/** The name of the optional synonyms file at the top of the knowledge folder. */
export const SYNONYMS_FILE = 'synonyms.txt';

/**
 * Reads every article file below `dir` (recursively). Files that cannot be read, are too large or
 * have an unknown ending are listed in `skipped` with the reason; reading goes on.
 *
 * @throws Error `knowledge: …` when `dir` itself is missing or not a folder
 */
export async function readKnowledgeFiles(dir: string, options: ReadOptions): Promise<KnowledgeFiles> {
  const stat = await fs.stat(dir).catch((error: unknown) => {
    throw new Error(`knowledge: cannot open folder '${dir}': ${codeOf(error)}`);
  });
  if (!stat.isDirectory()) throw new Error(`knowledge: '${dir}' is not a folder`);
  const { files: found, problems } = await walkFiles(dir);
  const skipped: SkippedFile[] = [...problems];
  const files: RawFile[] = [];
  const hash = createHash('sha256');
  let synonyms: string | undefined;
  for (const file of found) {
    const isSynonyms = file.id === SYNONYMS_FILE;
    if (!isSynonyms && !readerFor(file.id)) {
      skipped.push({
        file: file.id,
        reason: `not an article (readable endings: ${ARTICLE_EXTENSIONS.join(' ')})`,
      });
      continue;
    }
    try {
      const size = (await fs.stat(file.absolute)).size;
      if (size > options.maxFileBytes) {
        skipped.push({ file: file.id, reason: `too large (${mb(size)}, limit ${mb(options.maxFileBytes)})` });
        continue;
      }
      const bytes = await fs.readFile(file.absolute);
      hash.update(file.id).update('\0').update(bytes).update('\0');
      if (isSynonyms) synonyms = bytes.toString('utf8');
      else files.push({ id: file.id, bytes });
    } catch (error) {
      skipped.push({ file: file.id, reason: `cannot read: ${codeOf(error)}` });
    }
  }
  return { files, skipped, ...(synonyms !== undefined ? { synonyms } : {}), hash: hash.digest('hex') };
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
