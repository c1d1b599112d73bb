import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { KnowledgeFiles, RawFile } from '../core/knowledge/knowledgeFiles.ts';
import { ARTICLE_EXTENSIONS, readerFor } from '../core/knowledge/readers/index.ts';
import type { SkippedFile } from '../core/types.ts';
import { codeOf, type WalkOptions, walkFiles } from './walk.ts';

/** Options for reading a knowledge folder. */
export interface ReadOptions {
  /** Files larger than this are skipped (bytes). */
  readonly maxFileBytes: number;
  /** Follow symbolic links that point outside the folder (see {@link WalkOptions}). */
  readonly followOutsideLinks?: boolean;
  /** Told after each file is read: how many so far, of how many. */
  readonly onFileRead?: (read: number, total: number) => void;
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
  const { files: found, problems } = await walkFiles(dir, {
    followOutsideLinks: options.followOutsideLinks === true,
  });
  const skipped: SkippedFile[] = [...problems];
  const files: RawFile[] = [];
  const hash = createHash('sha256');
  let synonyms: string | undefined;
  // Files are read several at a time (one at a time, each read waits on a thread-pool round trip),
  // then used in walk order, so the hash and the article order do not depend on timing.
  let read = 0;
  const outcomes = await mapLimited(found, READ_CONCURRENCY, async (file) => {
    const outcome = await readOne(file, options);
    options.onFileRead?.(++read, found.length);
    return outcome;
  });
  found.forEach((file, i) => {
    const outcome = outcomes[i];
    if (!outcome) return;
    if ('reason' in outcome) {
      skipped.push({ file: file.id, reason: outcome.reason });
      return;
    }
    hash.update(file.id).update('\0').update(outcome.bytes).update('\0');
    if (file.id === SYNONYMS_FILE) synonyms = outcome.bytes.toString('utf8');
    else files.push({ id: file.id, bytes: outcome.bytes });
  });
  return { files, skipped, ...(synonyms !== undefined ? { synonyms } : {}), hash: hash.digest('hex') };
}

/** How many files are read at once: enough to hide each read's latency, few enough for any disk. */
const READ_CONCURRENCY = 16;

async function readOne(
  file: { id: string; absolute: string },
  options: ReadOptions,
): Promise<{ bytes: Buffer } | { reason: string }> {
  if (file.id !== SYNONYMS_FILE && !readerFor(file.id)) {
    return { reason: `not an article (readable endings: ${ARTICLE_EXTENSIONS.join(' ')})` };
  }
  try {
    const size = (await fs.stat(file.absolute)).size;
    if (size > options.maxFileBytes) {
      return { reason: `too large (${mb(size)}, limit ${mb(options.maxFileBytes)})` };
    }
    return { bytes: await fs.readFile(file.absolute) };
  } catch (error) {
    return { reason: `cannot read: ${codeOf(error)}` };
  }
}

/** Maps items through an async function, at most `limit` at a time, keeping their order. */
async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
