import { describe, expect, it } from 'vitest';
import { rankArticles } from '../../../src/core/answer/rankArticles.ts';
import type { PassageHit } from '../../../src/core/search/searchPassages.ts';

const hit = (articleId: string, score: number): PassageHit => ({
  passage: { id: 0, articleId, headings: [], position: 0, text: 'x', lang: 'en' },
  score,
  matched: new Set(),
  coverage: 1,
});

describe('rankArticles', () => {
  it('scores an article by its best passage plus a share of its second best', () => {
    const ranked = rankArticles([hit('a', 10), hit('b', 9), hit('b', 8), hit('a', 1), hit('a', 0.5)], 0.15);
    expect(ranked.map((r) => [r.articleId, r.score])).toEqual([
      ['b', 9 + 0.15 * 8],
      ['a', 10 + 0.15 * 1],
    ]);
    expect(ranked[0]?.best.score).toBe(9);
  });

  it('returns nothing for no hits', () => {
    expect(rankArticles([], 0.15)).toEqual([]);
  });
});
