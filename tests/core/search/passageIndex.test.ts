import { describe, expect, it } from 'vitest';
import {
  buildPassageIndex,
  decodeNextLanguage,
  LanguageIndex,
  mayMatch,
  type PassageIndex,
} from '../../../src/core/search/passageIndex.ts';
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

/** Ids of passages matching `query` in any language's index. */
function ids(index: PassageIndex, query: string): number[] {
  return [...index.languages.values()]
    .flatMap((l) => l.search.search(query).map((r) => r.id as number))
    .sort();
}

describe('buildPassageIndex', () => {
  it('indexes every passage and counts, per analysed term, the passages it occurs in', () => {
    const index = buildPassageIndex(articles, passages);
    const docs = [...index.languages.values()].reduce((n, l) => n + l.search.documentCount, 0);
    expect(docs).toBe(3);
    // `center` is in the title of both center passages; `china` only in the first.
    expect(index.df.get('center')).toBe(2);
    expect(index.df.get('china')).toBe(1);
    expect(index.df.get('allianz')).toBe(1);
    expect(index.df.get('unternehm')).toBe(1);
    expect(index.df.has('the')).toBe(false);
  });

  it('analyses each passage in its own language, in one index per language', () => {
    const index = buildPassageIndex(articles, passages);
    expect([...index.languages.keys()].sort()).toEqual(['de', 'en']);
    expect(
      index.languages
        .get('de')
        ?.search.search('angeschloss')
        .map((r) => r.id),
    ).toEqual([2]);
    expect(ids(index, 'host')).toEqual([1]);
    expect(ids(index, 'hosts')).toEqual([]);
  });

  it('finds a passage by its article title, its heading and its article’s opening words', () => {
    const index = buildPassageIndex(articles, passages);
    expect(ids(index, 'nation')).toEqual([0, 1]);
    expect(ids(index, 'academi')).toEqual([1]);
    // The lead of center.md (its first passage) is indexed with its second passage too.
    expect(ids(index, 'china')).toEqual([0, 1]);
  });

  it('restores a packed language index only when it is first used', () => {
    const index = buildPassageIndex(articles, passages);
    const packed = index.languages.get('de')?.pack() ?? new Uint8Array();
    const restored = LanguageIndex.fromBytes(packed, 1);
    expect(restored.loaded).toBe(false);
    expect(restored.search.search('allianz')).toEqual(index.languages.get('de')?.search.search('allianz'));
    expect(restored.loaded).toBe(true);
  });

  it('refuses bytes that are not a packed index, or hold another number of passages', () => {
    const packed = buildPassageIndex(articles, passages).languages.get('en')?.pack() ?? new Uint8Array();
    expect(() => LanguageIndex.fromBytes(packed, 3)).toThrow('index: passage count disagrees');
    expect(() => LanguageIndex.fromBytes(packed.subarray(0, packed.length - 16), 2)).toThrow(/^index: /);
    expect(() => LanguageIndex.fromBytes(new TextEncoder().encode('{"x":1}'), 2)).toThrow(/^index: /);
  });

  it('decodes restored languages one at a time, largest first, until none is left', () => {
    const built = buildPassageIndex(articles, passages);
    const restored: PassageIndex = {
      ...built,
      languages: new Map(
        [...built.languages].map(([l, i]) => [l, LanguageIndex.fromBytes(i.pack(), i.documentCount)]),
      ),
    };
    expect(decodeNextLanguage(restored)).toBe(true);
    expect(restored.languages.get('en')?.loaded).toBe(true);
    expect(restored.languages.get('de')?.loaded).toBe(false);
    expect(decodeNextLanguage(restored)).toBe(true);
    expect(decodeNextLanguage(restored)).toBe(false);
  });
});

describe('mayMatch', () => {
  const index = buildPassageIndex(articles, passages);
  const never = () => false;

  it('tells which languages hold a term, as it is or (where allowed) as a prefix', () => {
    expect(mayMatch(index, 'de', ['allianz'], never)).toBe(true);
    expect(mayMatch(index, 'en', ['allianz'], never)).toBe(false);
    expect(mayMatch(index, 'de', ['china'], never)).toBe(false);
    expect(mayMatch(index, 'de', ['china', 'unternehm'], never)).toBe(true);
    expect(mayMatch(index, 'de', ['unter'], never)).toBe(false);
    expect(mayMatch(index, 'de', ['unter'], () => true)).toBe(true);
    expect(mayMatch(index, 'en', ['unter'], () => true)).toBe(false);
  });
});
