import { constants } from 'node:fs';
import { access, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'is not readable by this user';
  if (code === 'ENOTDIR') return 'is not a folder';
  return error instanceof Error ? error.message : String(error);
}

/**
 * Fails with one line naming KNOWLEDGE_DIR, the path and the fix when the knowledge folder is
 * missing, not a folder or unreadable.
 */
export async function checkKnowledgeDir(dir: string): Promise<void> {
  try {
    if (!(await stat(dir)).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    await access(dir, constants.R_OK | constants.X_OK);
    await readdir(dir);
  } catch (error) {
    throw new Error(
      `KNOWLEDGE_DIR '${dir}' ${reasonOf(error)}: create it with your articles, or set KNOWLEDGE_DIR to a readable folder of articles`,
    );
  }
}

/**
 * Creates the data folder if needed and proves it writable; fails with one line naming DATA_DIR,
 * the path and the fix when it is a file or cannot be written.
 */
export async function checkDataDir(dir: string): Promise<void> {
  const fix = 'set DATA_DIR to a folder citebot may write (it is created if missing)';
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'EEXIST' || code === 'ENOTDIR' ? 'is a file, not a folder' : reasonOf(error);
    throw new Error(`DATA_DIR '${dir}' ${what}: ${fix}`);
  }
  if (!(await stat(dir)).isDirectory()) throw new Error(`DATA_DIR '${dir}' is a file, not a folder: ${fix}`);
  const probe = join(dir, `.write-check-${process.pid}`);
  try {
    await writeFile(probe, '');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what =
      code === 'EACCES' || code === 'EPERM' || code === 'EROFS' ? 'is not writable' : reasonOf(error);
    throw new Error(`DATA_DIR '${dir}' ${what}: ${fix}`);
  } finally {
    await rm(probe, { force: true });
  }
}
