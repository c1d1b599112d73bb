import { promises as fs } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticles } from '../../../src/core/knowledge/parseArticles.ts';
import { chunkArticle } from '../../../src/core/knowledge/passages.ts';
import { readerFor } from '../../../src/core/knowledge/readers/index.ts';
import { DefaultSearchSettings } from '../../../src/core/search/settings.ts';
import { readKnowledgeFiles, SYNONYMS_FILE } from '../../../src/host/readKnowledge.ts';
import { shippedKnowledge } from '../../support/paths.ts';

/** The language of each shipped article (issue 2): a new article must be added here. */
const expectedLanguage: Readonly<Record<string, string>> = {
  '000_3bc0f4edfab983df.txt': 'de',
  '004_182bb502e5372a60.txt': 'en',
};

describe('the shipped knowledge folder', () => {
  it('loads every article file with a title, its language and passages, and skips nothing', async () => {
    const names = (await fs.readdir(shippedKnowledge, { recursive: true }))
      .map((name) => name.split('\\').join('/'))
      .filter((name) => readerFor(name) && name !== SYNONYMS_FILE)
      .sort();
    expect(names).toEqual(Object.keys(expectedLanguage).sort());

    const files = await readKnowledgeFiles(shippedKnowledge, {
      maxFileBytes: DefaultSearchSettings.maxFileBytes,
    });
    const { articles, skipped } = parseArticles(files.files);
    expect([...files.skipped, ...skipped]).toEqual([]);
    expect(articles.map((a) => a.id).sort()).toEqual(names);
    for (const article of articles) {
      expect(article.title.trim(), article.id).not.toBe('');
      expect(article.lang, article.id).toBe(expectedLanguage[article.id]);
      const passages = chunkArticle(article, 0, {
        minWords: DefaultSearchSettings.minPassageWords,
        maxWords: DefaultSearchSettings.maxPassageWords,
      });
      expect(passages.length, article.id).toBeGreaterThan(1);
    }
  });

  it('ships a synonyms file that parses into groups', async () => {
    const files = await readKnowledgeFiles(shippedKnowledge, {
      maxFileBytes: DefaultSearchSettings.maxFileBytes,
    });
    expect(files.synonyms).toMatch(/alliance, Allianz/);
  });
});
