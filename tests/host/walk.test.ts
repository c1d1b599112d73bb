import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOf, walkFiles } from '../../src/host/walk.ts';
import { readsAnything, useTempDir, writeFiles } from '../support/tempDir.ts';

describe('walkFiles', () => {
  it('lists files of nested folders in sorted order with `/`-separated ids relative to the root', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'b.md': 'b', 'a/z.txt': 'z', 'a/deep/er/x.md': 'x', 'a/b.md': 'b' });
    const { files, problems } = await walkFiles(dir);
    expect(files.map((f) => f.id)).toEqual(['a/b.md', 'a/deep/er/x.md', 'a/z.txt', 'b.md']);
    expect(files[1]?.absolute).toBe(path.join(dir, 'a', 'deep', 'er', 'x.md'));
    expect(problems).toEqual([]);
  });

  it('passes over hidden files and folders', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { '.hidden.md': 'h', '.git/config.md': 'c', 'seen.md': 's' });
    expect((await walkFiles(dir)).files.map((f) => f.id)).toEqual(['seen.md']);
  });

  it('reports a folder link back to its parent as a loop instead of following it', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'sub/a.md': 'a' });
    await fs.symlink('..', path.join(dir, 'sub', 'up'));
    const { files, problems } = await walkFiles(dir);
    expect(files.map((f) => f.id)).toEqual(['sub/a.md']);
    expect(problems).toEqual([{ file: 'sub/up', reason: 'symbolic link loop' }]);
  });

  it('reports a broken link and goes on', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'a.md': 'a' });
    await fs.symlink(path.join(dir, 'missing.md'), path.join(dir, 'dangling.md'));
    const { files, problems } = await walkFiles(dir);
    expect(files.map((f) => f.id)).toEqual(['a.md']);
    expect(problems).toEqual([{ file: 'dangling.md', reason: 'broken link: ENOENT' }]);
  });

  it('refuses links to files and folders outside the root, naming the setting that allows them', async () => {
    const outside = await useTempDir();
    const dir = await useTempDir();
    await writeFiles(outside, { 'shared/x.md': 'x', '.env': 'DISCORD_TOKEN=secret' });
    await writeFiles(dir, { 'a.md': 'a' });
    await fs.symlink(path.join(outside, 'shared'), path.join(dir, 'linked'));
    // knowledge/x.txt -> ../.env: the link's own name looks harmless.
    await fs.symlink(path.join(outside, '.env'), path.join(dir, 'x.txt'));
    const { files, problems } = await walkFiles(dir);
    expect(files.map((f) => f.id)).toEqual(['a.md']);
    const reason =
      'link points outside the knowledge folder (set KNOWLEDGE_FOLLOW_OUTSIDE_LINKS=true to follow it)';
    expect(problems).toEqual([
      { file: 'linked', reason },
      { file: 'x.txt', reason },
    ]);
  });

  it('follows links to files and to folders outside the root when allowed', async () => {
    const outside = await useTempDir();
    const dir = await useTempDir();
    await writeFiles(outside, { 'shared/x.md': 'x', 'y.md': 'y' });
    await fs.symlink(path.join(outside, 'shared'), path.join(dir, 'linked'));
    await fs.symlink(path.join(outside, 'y.md'), path.join(dir, 'y.md'));
    const { files } = await walkFiles(dir, { followOutsideLinks: true });
    expect(files.map((f) => f.id)).toEqual(['linked/x.md', 'y.md']);
  });

  it('refuses environment files (secrets) and links to them, even inside the root and when links are allowed', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'a.md': 'a', '.env': 'T=1', 'prod.env': 'T=2', 'sub/.env.local': 'T=3' });
    await fs.symlink(path.join(dir, '.env'), path.join(dir, 'notes.txt'));
    const { files, problems } = await walkFiles(dir, { followOutsideLinks: true });
    expect(files.map((f) => f.id)).toEqual(['a.md']);
    const reason = 'looks like an environment file (.env), which holds secrets: never indexed';
    expect(problems).toEqual([
      { file: 'notes.txt', reason },
      { file: 'prod.env', reason },
    ]);
  });

  it.skipIf(readsAnything)('reports a folder it may not read and goes on (skipped as root)', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'locked/a.md': 'a', 'open.md': 'o' });
    await fs.chmod(path.join(dir, 'locked'), 0o000);
    try {
      const { files, problems } = await walkFiles(dir);
      expect(files.map((f) => f.id)).toEqual(['open.md']);
      expect(problems).toEqual([{ file: 'locked', reason: 'cannot read folder: EACCES' }]);
    } finally {
      await fs.chmod(path.join(dir, 'locked'), 0o755);
    }
  });
});

describe('codeOf', () => {
  it('gives the code of a file-system error, else the message', () => {
    expect(codeOf(Object.assign(new Error('gone'), { code: 'ENOENT' }))).toBe('ENOENT');
    expect(codeOf(new Error('plain'))).toBe('plain');
    expect(codeOf('text')).toBe('text');
  });
});
