import { describe, expect, it } from 'vitest';
import { searchArticles } from '../../../src/core/answer/searchArticles.ts';
import { DefaultSearchSettings } from '../../../src/core/search/settings.ts';
import { expectValidSearchPage } from '../../support/answers.ts';
import { knowledgeFrom } from '../../support/knowledge.ts';

// Eight articles about tomatoes; the first has many passages that all mention them.
const kb = knowledgeFrom({
  'long.md': Array.from(
    { length: 8 },
    (_, i) => `## Part ${i}\n\nTomatoes in part ${i} are grown under glass and watered daily.`,
  ).join('\n\n'),
  ...Object.fromEntries(
    Array.from({ length: 7 }, (_, i) => [
      `t${i}.md`,
      `# Note ${i}\n\nTomatoes note ${i}: ${'tomatoes '.repeat(i)}end.`,
    ]),
  ),
  'beans.md': '# Beans\n\nBeans climb poles in summer.',
});

describe('searchArticles', () => {
  it('lists one row per article, best first, with a one-sentence snippet', () => {
    const page = searchArticles(kb, 'tomatoes', DefaultSearchSettings, { limit: 50 });
    expectValidSearchPage(page, 'tomatoes', 0, 50);
    expect(page.total).toBe(8);
    expect(page.hits.map((h) => h.source).sort()).toEqual(
      ['long.md', ...Array.from({ length: 7 }, (_, i) => `t${i}.md`)].sort(),
    );
    for (const h of page.hits)
      expect(h.snippet.text.match(/[.!?](\s|$)/g)?.length ?? 0).toBeLessThanOrEqual(1);
    const scores = page.hits.map((h) => h.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('pages with offset and limit, ranking across pages', () => {
    const all = searchArticles(kb, 'tomatoes', DefaultSearchSettings, { limit: 50 });
    const first = searchArticles(kb, 'tomatoes', DefaultSearchSettings);
    const second = searchArticles(kb, 'tomatoes', DefaultSearchSettings, { offset: 5 });
    expectValidSearchPage(first, 'tomatoes', 0, 5);
    expectValidSearchPage(second, 'tomatoes', 5, 5);
    expect(first.hits).toHaveLength(5);
    expect(second.hits).toHaveLength(3);
    expect([...first.hits, ...second.hits]).toEqual(all.hits);
    expect(second.total).toBe(8);
  });

  it('lists every match, however weak, with no confidence threshold', () => {
    const page = searchArticles(kb, 'beans tomatoes quantum physics', DefaultSearchSettings, { limit: 50 });
    expect(page.hits.map((h) => h.source)).toContain('beans.md');
  });

  it('returns an empty page for nothing searchable', () => {
    expect(searchArticles(kb, '?!', DefaultSearchSettings)).toEqual({
      query: '?!',
      hits: [],
      total: 0,
      offset: 0,
      articlesSearched: 9,
    });
  });
});
