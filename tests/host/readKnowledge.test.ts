import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readKnowledgeFiles } from '../../src/host/readKnowledge.ts';
import { between } from '../support/pausedWalk.ts';
import { readsAnything, useTempDir, writeFiles } from '../support/tempDir.ts';

// Lets a test act between the walk and the reading of the files it found (a file deleted mid-load).
vi.mock('../../src/host/walk.ts', async (original) =>
  (await import('../support/pausedWalk.ts')).pausedWalk(original),
);

const limit = { maxFileBytes: 10 * 1024 * 1024 };
const ids = (files: readonly { id: string }[]) => files.map((f) => f.id);

describe('readKnowledgeFiles', () => {
  it('reads article files of nested folders with `/`-separated ids and their bytes', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'news/2024/alliance.md': '# A', 'top.txt': 'T', 'docs/page.html': '<p>x</p>' });
    const read = await readKnowledgeFiles(dir, limit);
    expect(ids(read.files)).toEqual(['docs/page.html', 'news/2024/alliance.md', 'top.txt']);
    expect(new TextDecoder().decode(read.files[1]?.bytes)).toBe('# A');
    expect(read.skipped).toEqual([]);
  });

  it('reads the top-level synonyms file apart from the articles', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, {
      'synonyms.txt': 'alliance, Allianz',
      'a.md': 'A',
      'sub/synonyms.txt': 'An article',
    });
    const read = await readKnowledgeFiles(dir, limit);
    expect(read.synonyms).toBe('alliance, Allianz');
    expect(ids(read.files)).toEqual(['a.md', 'sub/synonyms.txt']);
  });

  it('skips files with an ending it cannot read, naming the readable endings', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'photo.png': 'x', 'notes.MD': 'n' });
    const read = await readKnowledgeFiles(dir, limit);
    expect(ids(read.files)).toEqual(['notes.MD']);
    expect(read.skipped).toEqual([
      { file: 'photo.png', reason: 'not an article (readable endings: .md .markdown .txt .html .htm)' },
    ]);
  });

  it('skips a 50 MB file as too large without reading it', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'a.md': 'A' });
    // A sparse file: 50 MB on paper, instant to create.
    await fs.writeFile(path.join(dir, 'huge.txt'), '');
    await fs.truncate(path.join(dir, 'huge.txt'), 50 * 1024 * 1024);
    const read = await readKnowledgeFiles(dir, limit);
    expect(ids(read.files)).toEqual(['a.md']);
    expect(read.skipped).toEqual([{ file: 'huge.txt', reason: 'too large (50.0 MB, limit 10.0 MB)' }]);
  });

  it('skips a file deleted between the walk and the read', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'a.md': 'A', 'gone.md': 'G' });
    between.walkAndRead = () => fs.rm(path.join(dir, 'gone.md'));
    const read = await readKnowledgeFiles(dir, limit);
    expect(ids(read.files)).toEqual(['a.md']);
    expect(read.skipped).toEqual([{ file: 'gone.md', reason: 'cannot read: ENOENT' }]);
  });

  // Root reads a file whatever its mode, so there the file would load and the assertion is skipped.
  it.skipIf(readsAnything)('skips a file it may not read (not as root: root reads anyway)', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'a.md': 'A', 'secret.md': 'S' });
    await fs.chmod(path.join(dir, 'secret.md'), 0o000);
    const read = await readKnowledgeFiles(dir, limit);
    expect(ids(read.files)).toEqual(['a.md']);
    expect(read.skipped).toEqual([{ file: 'secret.md', reason: 'cannot read: EACCES' }]);
  });

  it('reports symbolic link loops and broken links as skipped', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'sub/a.md': 'A' });
    await fs.symlink('..', path.join(dir, 'sub', 'up'));
    await fs.symlink(path.join(dir, 'nowhere.md'), path.join(dir, 'dangling.md'));
    const read = await readKnowledgeFiles(dir, limit);
    expect(ids(read.files)).toEqual(['sub/a.md']);
    expect(read.skipped).toEqual([
      { file: 'dangling.md', reason: 'broken link: ENOENT' },
      { file: 'sub/up', reason: 'symbolic link loop' },
    ]);
  });

  it('hashes paths and bytes: the hash changes with a file’s bytes or name, not with its time', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'a.md': 'A', 'synonyms.txt': 'x, y' });
    const first = (await readKnowledgeFiles(dir, limit)).hash;
    await fs.utimes(path.join(dir, 'a.md'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    expect((await readKnowledgeFiles(dir, limit)).hash).toBe(first);
    await writeFiles(dir, { 'a.md': 'B' });
    const changed = (await readKnowledgeFiles(dir, limit)).hash;
    expect(changed).not.toBe(first);
    await fs.rename(path.join(dir, 'a.md'), path.join(dir, 'b.md'));
    expect((await readKnowledgeFiles(dir, limit)).hash).not.toBe(changed);
    await writeFiles(dir, { 'synonyms.txt': 'x, z' });
    expect((await readKnowledgeFiles(dir, limit)).hash).not.toBe(changed);
  });

  it('fails with `knowledge: cannot open folder` when the folder is missing', async () => {
    const dir = await useTempDir();
    await expect(readKnowledgeFiles(path.join(dir, 'missing'), limit)).rejects.toThrow(
      `knowledge: cannot open folder '${path.join(dir, 'missing')}': ENOENT`,
    );
  });

  it('fails when the path is a file, not a folder', async () => {
    const dir = await useTempDir();
    await writeFiles(dir, { 'a.md': 'A' });
    await expect(readKnowledgeFiles(path.join(dir, 'a.md'), limit)).rejects.toThrow(
      /^knowledge: '.*a\.md' is not a folder$/,
    );
  });
});
