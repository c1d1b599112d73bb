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

/** Options of {@link walkFiles}. */
export interface WalkOptions {
  /**
   * Follow symbolic links whose target lies outside the root (KNOWLEDGE_FOLLOW_OUTSIDE_LINKS).
   * Off by default: `knowledge/x.txt -> ../.env` would otherwise publish the bot's secrets.
   */
  readonly followOutsideLinks?: boolean;
}

/** `.env`, `.env.local`, `prod.env`, `.envrc`: files that hold secrets, never articles. */
const envFilePattern = /^(\.env(\..*)?|.+\.env|\.envrc)$/i;

const outsideReason =
  'link points outside the knowledge folder (set KNOWLEDGE_FOLLOW_OUTSIDE_LINKS=true to follow it)';
const envReason = 'looks like an environment file (.env), which holds secrets: never indexed';

interface Walk {
  readonly rootReal: string;
  readonly options: WalkOptions;
  readonly files: FoundFile[];
  readonly problems: WalkProblem[];
}

/**
 * Lists every regular file below `root`, recursively and in a stable (sorted) order. Hidden files
 * and folders are passed over; environment files (`prod.env`, or a link to `.env`) are refused.
 * Symbolic links are followed inside the root (and outside it only when allowed), but a link back
 * into a folder already being walked is reported as a loop instead of followed.
 */
export async function walkFiles(
  root: string,
  options: WalkOptions = {},
): Promise<{ files: FoundFile[]; problems: WalkProblem[] }> {
  const rootReal = await fs.realpath(root);
  const walk: Walk = { rootReal, options, files: [], problems: [] };
  await walkDir(walk, root, '', new Set([rootReal]));
  return { files: walk.files, problems: walk.problems };
}

function isInside(real: string, rootReal: string): boolean {
  return real === rootReal || real.startsWith(`${rootReal}${path.sep}`);
}

async function walkDir(walk: Walk, dir: string, rel: string, ancestors: Set<string>): Promise<void> {
  const { files, problems } = walk;
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
      if (!walk.options.followOutsideLinks && !isInside(real, walk.rootReal)) {
        problems.push({ file: id, reason: outsideReason });
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
      await walkDir(walk, absolute, id, next);
    } else if (isFile) {
      if (envFilePattern.test(entry.name) || envFilePattern.test(path.basename(real))) {
        problems.push({ file: id, reason: envReason });
        continue;
      }
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
