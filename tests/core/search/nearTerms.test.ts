import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistanceWithin1, NearTerms } from '../../../src/core/search/nearTerms.ts';

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

// A small alphabet with a non-ASCII letter, so that strings nearly match.
const word = fc.stringMatching(/^[abé]{0,7}$/);

describe('NearTerms', () => {
  it('tells distances 0 and 1 from larger ones as Levenshtein does', () => {
    fc.assert(
      fc.property(word, word, (a, b) => {
        expect(editDistanceWithin1(a, b)).toBe(Math.min(2, levenshtein(a, b)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds every term within one edit, in the order of the walk given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(word, { minLength: 1, maxLength: 40 }), word, (terms, query) => {
        // Any walk order: here, reversed term numbers.
        const walk = terms.map((_, i) => terms.length - 1 - i);
        const found = new NearTerms(terms, walk).within1(query);
        const expected = walk
          .filter((t) => levenshtein(terms[t] as string, query) <= 1)
          .map((t) => ({ term: t, distance: levenshtein(terms[t] as string, query) }));
        expect(found).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
