import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

/** Creates a fresh folder for the running test and removes it when the test ends. */
export async function useTempDir(prefix = 'citebot-test-'): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  return dir;
}

/** Writes files below `root`, creating folders on the way (`{'news/a.md': '# A'}`). */
export async function writeFiles(root: string, files: Readonly<Record<string, string | Uint8Array>>) {
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    await fs.mkdir(path.dirname(file), { recursive: true });
    await fs.writeFile(file, content);
  }
}

/**
 * Whether the process can read files whatever their permissions (root, or a container that
 * grants CAP_DAC_OVERRIDE): then `chmod 000` does not make a file unreadable.
 */
export const readsAnything = typeof process.getuid === 'function' && process.getuid() === 0;
