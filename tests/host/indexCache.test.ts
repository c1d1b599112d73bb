import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeFiles } from '../../src/core/knowledge/knowledgeFiles.ts';
import { buildKnowledgeBase } from '../../src/core/knowledgeBase.ts';
import { DefaultSearchSettings } from '../../src/core/search/settings.ts';
import {
  cacheKey,
  cacheKnowledgeFile,
  cachePath,
  loadCachedKnowledge,
  saveCachedKnowledge,
} from '../../src/host/indexCache.ts';
import { readKnowledgeFiles } from '../../src/host/readKnowledge.ts';
import { tunedSettings } from '../support/knowledge.ts';
import { useTempDir, writeFiles } from '../support/tempDir.ts';

const settings = DefaultSearchSettings;

async function knowledgeFiles(): Promise<KnowledgeFiles> {
  const dir = await useTempDir();
  await writeFiles(dir, {
    'de/allianz.txt':
      'Allianz\n\nMehr als 100 Unternehmen haben sich der Allianz angeschlossen.\nGroße Unternehmen\nDarunter Huawei und IBM.',
    'en/center.md': '# Center\n\nThe center will train around 500,000 blockchain professionals.',
    'synonyms.txt': 'alliance, Allianz',
    'empty.md': '',
  });
  return readKnowledgeFiles(dir, { maxFileBytes: settings.maxFileBytes });
}

describe('cacheKey', () => {
  // Replaces "depends on the knowledge hash and every setting" (issue 13 finding 3): only
  // index-time settings may change the key.
  it('depends on the knowledge hash and the index-time settings, not on query-time ones', () => {
    const key = cacheKey({ hash: 'a' }, settings);
    expect(cacheKey({ hash: 'a' }, { ...settings })).toBe(key);
    expect(cacheKey({ hash: 'b' }, settings)).not.toBe(key);
    expect(cacheKey({ hash: 'a' }, tunedSettings({ maxPassageWords: 150 }))).not.toBe(key);
    expect(cacheKey({ hash: 'a' }, tunedSettings({ fuzzy: 0.3 }))).toBe(key);
    expect(cacheKey({ hash: 'a' }, tunedSettings({ boost: { ...settings.boost, title: 2 } }))).toBe(key);
    expect(cacheKey({ hash: 'a' }, tunedSettings({ minLead: 0.2, citations: 5 }))).toBe(key);
  });
});

describe('a query-time setting', () => {
  it('keeps the saved cache valid: the index is loaded, not rebuilt', async () => {
    const files = await knowledgeFiles();
    const cacheDir = await useTempDir();
    await saveCachedKnowledge(cacheDir, buildKnowledgeBase(files, settings), settings);
    const tuned = tunedSettings({ fuzzy: 0.3, minCoverage: 0.2, articleWeight: 0.5 });
    const loaded = await loadCachedKnowledge(cacheDir, files, tuned);
    expect('kb' in loaded).toBe(true);
  });
});

describe('saveCachedKnowledge and loadCachedKnowledge', () => {
  it('restores the same articles, passages, skipped files, synonyms and index', async () => {
    const files = await knowledgeFiles();
    const built = buildKnowledgeBase(files, settings);
    const cacheDir = path.join(await useTempDir(), 'nested', 'cache');
    const file = await saveCachedKnowledge(cacheDir, built, settings);
    expect(file).toBe(cachePath(cacheDir, cacheKey(files, settings)));
    const loaded = await loadCachedKnowledge(cacheDir, files, settings);
    if (!('kb' in loaded)) throw new Error(`expected a cache hit, got ${loaded.miss}`);
    const { kb } = loaded;
    expect([...kb.articles.entries()]).toEqual([...built.articles.entries()]);
    expect(kb.passages).toEqual(built.passages);
    expect(kb.skipped).toEqual([{ file: 'empty.md', reason: 'empty file' }]);
    expect(kb.languages).toEqual(built.languages);
    expect(kb.synonyms.of('alliance')).toEqual(['allianz']);
    expect([...kb.index.df]).toEqual([...built.index.df]);
    expect(kb.index.termLanguages).toEqual(built.index.termLanguages);
    const search = (k: typeof kb) => k.index.languages.get('de')?.search.search('allianz');
    expect(search(kb)).toEqual(search(built));
    expect(kb.hash).toBe(files.hash);
  });

  it('misses with `no cache` when there is no file for the key', async () => {
    const files = await knowledgeFiles();
    const cacheDir = await useTempDir();
    expect(await loadCachedKnowledge(cacheDir, files, settings)).toEqual({ miss: 'no cache' });
    await saveCachedKnowledge(cacheDir, buildKnowledgeBase(files, settings), settings);
    expect(await loadCachedKnowledge(cacheDir, files, tunedSettings({ maxPassageWords: 150 }))).toEqual({
      miss: 'no cache',
    });
    expect(await loadCachedKnowledge(path.join(cacheDir, 'missing'), files, settings)).toEqual({
      miss: 'no cache',
    });
  });

  it('misses when the file holds another key', async () => {
    const files = await knowledgeFiles();
    const cacheDir = await useTempDir();
    const file = cacheKnowledgeFile(
      await saveCachedKnowledge(cacheDir, buildKnowledgeBase(files, settings), settings),
    );
    const json = await fs.readFile(file, 'utf8');
    await fs.writeFile(file, json.replace(/"key":"[0-9a-f]+"/, '"key":"other"'));
    expect(await loadCachedKnowledge(cacheDir, files, settings)).toEqual({
      miss: 'cache is for other knowledge',
    });
  });

  it.each([
    ['truncated JSON', (json: string) => json.slice(0, json.length - 10)],
    ['garbage bytes', () => '\u0000\u0001garbage'],
    ['an empty file', () => ''],
    [
      'a passage of an unknown article',
      (json: string) => json.replace(/"passages":\[\[0,/, '"passages":[[99,'),
    ],
    ['a language index that is missing', (json: string) => json.replace('"0.bin"', '"9.bin"')],
    ['passage texts that are missing', (json: string) => json.replace('"0.txt"', '"9.txt"')],
  ])('reports %s as a corrupt cache instead of throwing', async (_case, corrupt) => {
    const files = await knowledgeFiles();
    const cacheDir = await useTempDir();
    const file = cacheKnowledgeFile(
      await saveCachedKnowledge(cacheDir, buildKnowledgeBase(files, settings), settings),
    );
    await fs.writeFile(file, corrupt(await fs.readFile(file, 'utf8')));
    const loaded = await loadCachedKnowledge(cacheDir, files, settings);
    expect(loaded).toEqual({ miss: expect.stringMatching(/^corrupt cache \(.+\)$/) });
  });

  it.each([
    ['truncated', (bytes: Buffer) => bytes.subarray(0, bytes.length - 24)],
    ['garbage', () => Buffer.from('\u0000\u0001garbage')],
    ['empty', () => Buffer.alloc(0)],
  ])('reports a %s language index as a corrupt cache', async (_case, corrupt) => {
    const files = await knowledgeFiles();
    const cacheDir = await useTempDir();
    const folder = await saveCachedKnowledge(cacheDir, buildKnowledgeBase(files, settings), settings);
    const file = path.join(folder, '0.bin');
    await fs.writeFile(file, corrupt(await fs.readFile(file)));
    const loaded = await loadCachedKnowledge(cacheDir, files, settings);
    expect(loaded).toEqual({ miss: expect.stringMatching(/^corrupt cache \(index: .+\)$/) });
  });

  it('removes cache files of other keys but leaves other files alone', async () => {
    const files = await knowledgeFiles();
    const cacheDir = await useTempDir();
    await writeFiles(cacheDir, {
      'index-old.json': '{}',
      'index-older/knowledge.json': '{}',
      'notes.txt': 'keep',
    });
    const file = await saveCachedKnowledge(cacheDir, buildKnowledgeBase(files, settings), settings);
    expect((await fs.readdir(cacheDir)).sort()).toEqual([path.basename(file), 'notes.txt'].sort());
  });
});
