import { describe, expect, it } from 'vitest';
import { rankArticles } from '../../../src/core/answer/rankArticles.ts';
import type { ArticleMatch, PassageHit } from '../../../src/core/search/searchPassages.ts';

const hit = (articleId: string, score: number): PassageHit => ({
  passage: { id: 0, articleId, headings: [], position: 0, text: 'x', lang: 'en' },
  score,
  matched: new Set(),
  coverage: 1,
  concepts: 1,
});
const match = (score: number): ArticleMatch => ({ score, matched: new Set(), coverage: 1, concepts: 1 });
const passagesOnly = { secondPassageWeight: 0.15, articleWeight: 0, gramWeight: 0 };

describe('rankArticles', () => {
  it('scores an article by its best passage plus a share of its second best', () => {
    const hits = [hit('a', 10), hit('b', 9), hit('b', 8), hit('a', 1), hit('a', 0.5)];
    const ranked = rankArticles(
      { hits, articles: new Map(), grams: new Map(), reserve: new Map() },
      passagesOnly,
    );
    expect(ranked.map((r) => r.articleId)).toEqual(['b', 'a']);
    expect(ranked[0]?.best.score).toBe(9);
  });

  it('mixes min-max normalised article and passage scores by the article weight', () => {
    const hits = [hit('a', 10), hit('b', 9), hit('c', 1)];
    const articles = new Map([
      ['a', match(2)],
      ['b', match(6)],
      ['c', match(1)],
    ]);
    const ranked = rankArticles(
      { hits, articles, grams: new Map(), reserve: new Map() },
      { secondPassageWeight: 0, articleWeight: 0.7, gramWeight: 0 },
    );
    expect(ranked.map((r) => r.articleId)).toEqual(['b', 'a', 'c']);
    // b: 0.7 × (6-1)/(6-1) + 0.3 × (9-1)/(10-1); a: 0.7 × (2-1)/5 + 0.3 × 1
    expect(ranked[0]?.score).toBeCloseTo(0.7 + (0.3 * 8) / 9);
    expect(ranked[1]?.score).toBeCloseTo(0.7 * 0.2 + 0.3);
    expect(ranked[0]?.articleScore).toBe(6);
  });

  it('ranks an article found only at article level by its reserve passage', () => {
    const reserve = new Map([['z', hit('z', 0.5)]]);
    const articles = new Map([
      ['a', match(1)],
      ['z', match(9)],
    ]);
    const ranked = rankArticles(
      { hits: [hit('a', 10)], articles, grams: new Map(), reserve },
      { secondPassageWeight: 0, articleWeight: 0.7, gramWeight: 0 },
    );
    expect(ranked.map((r) => r.articleId)).toEqual(['z', 'a']);
    expect(ranked[0]?.best.passage.articleId).toBe('z');
  });

  it('gives the character n-gram score its share of the article weight', () => {
    const hits = [hit('a', 10), hit('b', 9), hit('c', 1)];
    const articles = new Map([
      ['a', match(5)],
      ['b', match(4)],
      ['c', match(1)],
    ]);
    const grams = new Map([
      ['a', 1],
      ['b', 3],
      ['c', 2],
    ]);
    const ranked = rankArticles(
      { hits, articles, grams, reserve: new Map() },
      { secondPassageWeight: 0, articleWeight: 0.8, gramWeight: 0.5 },
    );
    // a: 0.4 × 1 + 0.4 × 0 + 0.2 × 1; b: 0.4 × 0.75 + 0.4 × 1 + 0.2 × 8/9; c: 0.4 × 0.5
    expect(ranked.map((r) => r.articleId)).toEqual(['b', 'a', 'c']);
    expect(ranked[0]?.score).toBeCloseTo(0.3 + 0.4 + (0.2 * 8) / 9);
    expect(ranked[1]?.score).toBeCloseTo(0.6);
    expect(ranked[2]?.score).toBeCloseTo(0.2);
  });

  it('gives words the whole article weight when no article has an n-gram score', () => {
    const hits = [hit('a', 10), hit('b', 1)];
    const articles = new Map([
      ['a', match(1)],
      ['b', match(5)],
    ]);
    const ranked = rankArticles(
      { hits, articles, grams: new Map(), reserve: new Map() },
      { secondPassageWeight: 0, articleWeight: 0.7, gramWeight: 0.4 },
    );
    expect(ranked.map((r) => [r.articleId, r.score])).toEqual([
      ['b', 0.7],
      ['a', expect.closeTo(0.3)],
    ]);
  });

  it('returns nothing for no hits', () => {
    expect(
      rankArticles({ hits: [], articles: new Map(), grams: new Map(), reserve: new Map() }, passagesOnly),
    ).toEqual([]);
  });
});
