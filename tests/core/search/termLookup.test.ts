import fc from 'fast-check';
import SearchableMap from 'minisearch/SearchableMap';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin1, TermLookup } from '../../../src/core/search/termLookup.ts';

function levenshtein(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      next[j] = Math.min(
        (row[j] as number) + 1,
        (next[j - 1] as number) + 1,
        (row[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    row = next;
  }
  return row[b.length] as number;
}

// A small alphabet with a non-ASCII letter, so that strings nearly match and share prefixes.
const word = fc.stringMatching(/^[abé]{0,7}$/);

/** MiniSearch's term tree over the terms (values: term numbers) and a lookup over the same tree. */
function both(terms: readonly string[]) {
  const map = new SearchableMap<number>();
  terms.forEach((t, i) => {
    map.set(t, i);
  });
  const tree = (map as unknown as { _tree: Map<string, unknown> })._tree;
  return { map, lookup: new TermLookup(terms, tree, (value) => value as number) };
}

describe('TermLookup', () => {
  it('tells distances 0 and 1 from larger ones as Levenshtein does', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistanceWithin1(a, b)).toBe(Math.min(2, levenshtein(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it("finds terms, completions and one-edit matches as MiniSearch's term tree does, in its order", () => {
    const terms = fc.uniqueArray(
      word.filter((w) => w.length > 0),
      { minLength: 1, maxLength: 60 },
    );
    fc.assert(
      fc.property(terms, word, (list, query) => {
        const { map, lookup } = both(list);
        expect(lookup.find(query)).toBe(map.get(query) ?? -1);
        expect(lookup.completions(query)).toEqual([...map.atPrefix(query).values()]);
        expect(lookup.within1(query)).toEqual(
          [...map.fuzzyGet(query, 1).values()].map(([term, distance]) => ({ term, distance })),
        );
      }),
      { numRuns: 1000 },
    );
  });
});
