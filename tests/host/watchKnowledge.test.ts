import { execFile, execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { watchKnowledge } from '../../src/host/watchKnowledge.ts';
import { readsAnything } from '../support/tempDir.ts';
import { tempFolder, writeFiles } from './knowledgeFolder.ts';

const AS_NOBODY = ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'] as const;

/**
 * Whether `setpriv` (util-linux) can run this project's code as `nobody`: it also needs to reach
 * the checkout, which a private folder (a CI clone under a 0700 temp folder) does not allow.
 */
const nobodyCanRunProject = (() => {
  const loader = fileURLToPath(import.meta.resolve('tsx'));
  try {
    execFileSync(
      AS_NOBODY[0],
      [...AS_NOBODY.slice(1), process.execPath, '-e', `require('fs').accessSync(${JSON.stringify(loader)})`],
      {
        stdio: 'ignore',
      },
    );
    return true;
  } catch {
    return false;
  }
})();

/** Watches `dir` and returns a function that waits for the next batch of changes. */
async function watched(dir: string, options: Parameters<typeof watchKnowledge>[2] = {}) {
  const batches: string[][] = [];
  let wake: () => void = () => {};
  const watcher = await watchKnowledge(
    dir,
    (changed) => {
      batches.push(changed);
      wake();
    },
    { debounceMs: 50, ...options },
  );
  onTestFinished(() => watcher.close());
  const next = async (): Promise<string[]> => {
    if (batches.length === 0) await new Promise<void>((resolve) => (wake = resolve));
    return batches.shift() ?? [];
  };
  return { next, batches };
}

describe('watchKnowledge', () => {
  it('reports added, changed and removed files once things are quiet, as one batch', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, { 'old.md': '# Old\n\nText.\n' });
    // Long enough that the four writes below never straddle two batches on a busy machine.
    const { next } = await watched(dir, { debounceMs: 400 });
    await writeFiles(dir, { 'a.md': '# A\n', 'news/b.md': '# B\n' });
    await fs.appendFile(path.join(dir, 'old.md'), 'More text.\n');
    await fs.rm(path.join(dir, 'a.md'));
    const batch = await next();
    expect(batch).toEqual(expect.arrayContaining(['news/b.md', 'old.md']));
    expect(batch.every((f) => ['a.md', 'news', 'news/b.md', 'old.md'].includes(f))).toBe(true);
  });

  it('does not count dotfiles, dot-folders or the ignored cache folder', async () => {
    const dir = await tempFolder();
    const cache = path.join(dir, 'cache');
    await fs.mkdir(cache);
    const { next } = await watched(dir, { ignore: [cache] });
    await writeFiles(dir, { '.draft.md': '# Draft\n', '.git/HEAD': 'ref', 'cache/index-1.json': '{}' });
    await writeFiles(dir, { 'first.md': '# First\n' });
    expect(await next()).toEqual(['first.md']);
    // A second batch proves that the ignored writes (made earlier) were never reported.
    await writeFiles(dir, { 'second.md': '# Second\n' });
    expect(await next()).toEqual(['second.md']);
  });

  describe('when the folder itself goes away', () => {
    /** A knowledge folder inside a scratch parent, so the folder can be removed and replaced. */
    async function knowledgeInParent() {
      const parent = await tempFolder();
      const dir = path.join(parent, 'knowledge');
      await writeFiles(dir, { 'a.md': '# A\n' });
      const rearms: string[] = [];
      let onRearm: () => void = () => {};
      const rearmed = new Promise<void>((resolve) => (onRearm = resolve));
      const watch = await watched(dir, {
        onRearm: (message) => {
          rearms.push(message);
          onRearm();
        },
      });
      /** Waits for a batch naming `file` (earlier batches: what the removal and re-arming reported). */
      const sees = async (file: string) => {
        while (!(await watch.next()).includes(file));
      };
      return { parent, dir, rearms, rearmed, sees };
    }

    it('re-arms after the folder is deleted and created again, and sees later changes', async () => {
      const { dir, rearms, rearmed, sees } = await knowledgeInParent();
      await fs.rm(dir, { recursive: true });
      await writeFiles(dir, { 'b.md': '# B\n' });
      await rearmed;
      await writeFiles(dir, { 'c.md': '# C\n' });
      await sees('c.md');
      expect(rearms[0]).toMatch(`knowledge watcher: re-armed on '${dir}'`);
    });

    it('re-arms after a new folder is moved over it (mv new knowledge), and sees later changes', async () => {
      const { parent, dir, rearms, rearmed, sees } = await knowledgeInParent();
      const fresh = path.join(parent, 'knowledge.new');
      await writeFiles(fresh, { 'new.md': '# New\n' });
      await fs.rm(dir, { recursive: true });
      await fs.rename(fresh, dir);
      await rearmed;
      await writeFiles(dir, { 'later.md': '# Later\n' });
      await sees('later.md');
      expect(rearms[0]).toMatch(`knowledge watcher: re-armed on '${dir}'`);
    });

    // Root (this machine's test runner) reads a folder whatever its mode, so for root this proves
    // the re-arm on a mode change; for any other user chmod 000 also cuts the old watcher off.
    it('re-arms after the folder was made unreadable (chmod 000) and readable again', async () => {
      const { dir, rearms, rearmed, sees } = await knowledgeInParent();
      await fs.chmod(dir, 0o000);
      await fs.chmod(dir, 0o755);
      await rearmed;
      await writeFiles(dir, { 'after.md': '# After\n' });
      await sees('after.md');
      expect(rearms[0]).toMatch(`knowledge watcher: re-armed on '${dir}'`);
    });

    // The case chmod 000 really breaks: an unprivileged user's watcher loses the folder. Run as
    // `nobody` through setpriv when the tests run as root (as here), else as the user running them;
    // skipped under root when `nobody` cannot reach the checkout.
    it.runIf(!readsAnything || nobodyCanRunProject)(
      'as an unprivileged user, re-arms after chmod 000 cut the old watcher off, and sees later files',
      async () => {
        const script = fileURLToPath(new URL('./fixtures/watchAfterChmod.ts', import.meta.url));
        const node = [process.execPath, '--import', import.meta.resolve('tsx'), script];
        const command = readsAnything ? [...AS_NOBODY, ...node] : node;
        const { stdout } = await promisify(execFile)(command[0] as string, command.slice(1), {
          env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir() },
        });
        const result = JSON.parse(stdout.trim()) as { uid: number; rearms: string[]; sawAfter: boolean };
        expect(result.uid).not.toBe(0);
        expect(result.rearms).toHaveLength(1);
        expect(result.sawAfter).toBe(true);
      },
    );
  });
});
