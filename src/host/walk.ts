import { type Dirent, promises as fs } from 'node:fs';
import path from 'node:path';

/** A file found in the knowledge folder. */
export interface FoundFile {
  /** Path relative to the root, `/`-separated. */
  readonly id: string;
  readonly absolute: string;
}

/** A problem met while walking (a loop, an unreadable folder). */
export interface WalkProblem {
  readonly file: string;
  readonly reason: string;
}

/**
 * Lists every regular file below `root`, recursively and in a stable (sorted) order. Hidden files
 * and folders are passed over. Symbolic links are followed, but a link back into a folder already
 * being walked is reported as a loop instead of followed.
 */
export async function walkFiles(root: string): Promise<{ files: FoundFile[]; problems: WalkProblem[] }> {
  const files: FoundFile[] = [];
  const problems: WalkProblem[] = [];
  const rootReal = await fs.realpath(root);
  await walkDir(root, '', new Set([rootReal]), files, problems);
  return { files, problems };
}

async function walkDir(
  dir: string,
  rel: string,
  ancestors: Set<string>,
  files: FoundFile[],
  problems: WalkProblem[],
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push({ file: rel || '.', reason: `cannot read folder: ${codeOf(error)}` });
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const absolute = path.join(dir, entry.name);
    const id = rel ? `${rel}/${entry.name}` : entry.name;
    let isDir = entry.isDirectory();
    let isFile = entry.isFile();
    let real = absolute;
    if (entry.isSymbolicLink()) {
      try {
        real = await fs.realpath(absolute);
        const stat = await fs.stat(real);
        isDir = stat.isDirectory();
        isFile = stat.isFile();
      } catch (error) {
        problems.push({ file: id, reason: `broken link: ${codeOf(error)}` });
        continue;
      }
    } else if (isDir) {
      real = await fs.realpath(absolute).catch(() => absolute);
    }
    if (isDir) {
      if (ancestors.has(real)) {
        problems.push({ file: id, reason: 'symbolic link loop' });
        continue;
      }
      const next = new Set(ancestors).add(real);
      await walkDir(absolute, id, next, files, problems);
    } else if (isFile) {
      files.push({ id, absolute });
    }
  }
}

/** The error code of a file-system error (`ENOENT`), or its message. */
export function codeOf(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string')
    return error.code;
  return error instanceof Error ? error.message : String(error);
}
