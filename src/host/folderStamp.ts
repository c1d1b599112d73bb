import { promises as fs } from 'node:fs';
import { codeOf, type WalkOptions, walkFiles } from './walk.ts';

/**
 * What a knowledge folder looks like without reading it: every file's path, size, modification
 * and change time, and every problem met while walking. When it equals the stamp saved with the
 * index cache, the files are the ones that were hashed (git's index relies on the same check), so
 * a warm start need not read and hash the whole folder.
 */
export interface FolderStamp {
  /** One line per file and per walk problem, in walk order. */
  readonly text: string;
  /** The latest modification or change time of any file (ms since the epoch). */
  readonly newestMs: number;
  /** When the stamp was taken. */
  readonly takenMs: number;
}

/**
 * A file changed within this long before a stamp was taken may change again within the same
 * file-system timestamp tick, unseen; such a stamp is not trusted (git calls this "racy").
 */
const RACY_MS = 2_000;

/** How many files are stat-ed at once. */
const STAT_CONCURRENCY = 32;

/** Takes the stamp of a knowledge folder. @throws Error when the folder cannot be walked */
export async function stampFolder(dir: string, options: WalkOptions = {}): Promise<FolderStamp> {
  const takenMs = Date.now();
  const { files, problems } = await walkFiles(dir, options);
  const lines = new Array<string>(files.length);
  let newestMs = 0;
  for (let start = 0; start < files.length; start += STAT_CONCURRENCY) {
    await Promise.all(
      files.slice(start, start + STAT_CONCURRENCY).map(async (file, i) => {
        try {
          const s = await fs.stat(file.absolute);
          newestMs = Math.max(newestMs, s.mtimeMs, s.ctimeMs);
          lines[start + i] = `${file.id}\t${s.size}\t${s.mtimeMs}\t${s.ctimeMs}`;
        } catch (error) {
          lines[start + i] = `${file.id}\t${codeOf(error)}`;
        }
      }),
    );
  }
  for (const p of problems) lines.push(`${p.file}\t${p.reason}`);
  return { text: lines.join('\n'), newestMs, takenMs };
}

/** Whether a stamp may be saved and trusted later: no file changed just before it was taken. */
export function trustworthy(stamp: FolderStamp): boolean {
  return stamp.newestMs < stamp.takenMs - RACY_MS;
}
