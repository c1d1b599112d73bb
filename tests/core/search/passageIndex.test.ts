import { describe, expect, it } from 'vitest';
import { buildPassageIndex, loadPassageIndex } from '../../../src/core/search/passageIndex.ts';
import type { Passage } from '../../../src/core/types.ts';

const passage = (id: number, articleId: string, text: string, over: Partial<Passage> = {}): Passage => ({
  id,
  articleId,
  headings: [],
  position: 0,
  text,
  lang: 'en',
  ...over,
});

const articles = new Map([
  ['center.md', { title: 'National Blockchain Center' }],
  ['allianz.md', { title: 'Allianz in Chongqing' }],
]);
const passages = [
  passage(0, 'center.md', 'China will train professionals in the new center.'),
  passage(1, 'center.md', 'Beijing hosts the research center.', { position: 1, headings: ['Academies'] }),
  passage(2, 'allianz.md', 'Unternehmen haben sich der Allianz angeschlossen.', { lang: 'de' }),
];

describe('buildPassageIndex', () => {
  it('indexes every passage and counts, per analysed term, the passages it occurs in', () => {
    const index = buildPassageIndex(articles, passages);
    expect(index.search.documentCount).toBe(3);
    // `center` is in the title of both center passages; `china` only in the first.
    expect(index.df.get('center')).toBe(2);
    expect(index.df.get('china')).toBe(1);
    expect(index.df.get('allianz')).toBe(1);
    expect(index.df.get('unternehm')).toBe(1);
    expect(index.df.has('the')).toBe(false);
  });

  it('analyses each passage in its own language', () => {
    const index = buildPassageIndex(articles, passages);
    expect(index.search.search('angeschloss').map((r) => r.id)).toEqual([2]);
    expect(index.search.search('host').map((r) => r.id)).toEqual([1]);
    expect(index.search.search('hosts')).toEqual([]);
  });

  it('finds a passage by its article title, its heading and its article’s opening words', () => {
    const index = buildPassageIndex(articles, passages);
    expect(
      index.search
        .search('nation')
        .map((r) => r.id)
        .sort(),
    ).toEqual([0, 1]);
    expect(index.search.search('academi').map((r) => r.id)).toEqual([1]);
    // The lead of center.md (its first passage) is indexed with its second passage too.
    expect(
      index.search
        .search('china')
        .map((r) => r.id)
        .sort(),
    ).toEqual([0, 1]);
  });

  it('restores an index saved as JSON', () => {
    const index = buildPassageIndex(articles, passages);
    const restored = loadPassageIndex(JSON.stringify(index.search), index.df);
    expect(restored.search.search('allianz')).toEqual(index.search.search('allianz'));
  });
});
