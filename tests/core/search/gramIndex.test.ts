import { describe, expect, it } from 'vitest';
import { GramIndex, GramIndexBuilder } from '../../../src/core/search/gramIndex.ts';

const bm25 = { k: 2.5, b: 0.9, d: 0.5 };

function indexOf(docs: Record<number, Record<string, number>>): GramIndex {
  const builder = new GramIndexBuilder(4);
  for (const [id, terms] of Object.entries(docs)) builder.add(Number(id), new Map(Object.entries(terms)));
  return GramIndex.fromBytes(builder.pack());
}

describe('GramIndex', () => {
  it('finds documents by n-grams of their terms, best first, under the ids they were added with', () => {
    const index = indexOf({ 7: { kalibrier: 2, farb: 1 }, 3: { drucker: 1 }, 9: { kalibri: 1, drucker: 1 } });
    expect(index.documentCount).toBe(3);
    const found = index.search(['kali', 'alib', 'libr', 'ibri', 'brie', 'rier'], bm25);
    // 7 has all six pieces (twice each), 9 the first four.
    expect(found.map((r) => r.id)).toEqual([7, 9]);
    expect(found[0]?.score).toBeGreaterThan(found[1]?.score ?? Number.POSITIVE_INFINITY);
    expect(index.search(['zzzz', 'usb'], bm25)).toEqual([]);
  });

  it('scores as MiniSearch’s BM25+ summed over the distinct n-grams asked', () => {
    const index = indexOf({ 0: { orca: 3 }, 1: { other: 1 } });
    // one document of two holds "orca" (a term of four letters is its own n-gram) three times
    const idf = Math.log(1 + (2 - 1 + 0.5) / (1 + 0.5));
    const average = (1 + 2) / 2; // distinct n-grams: 1 and 2 ("othe", "ther")
    const expected = idf * (0.5 + (3 * 3.5) / (3 + 2.5 * (1 - 0.9 + (0.9 * 1) / average)));
    expect(index.search(['orca', 'orca'], bm25)[0]?.score).toBeCloseTo(expected);
  });

  it('rejects bytes that are not a packed n-gram index', () => {
    const bytes = new GramIndexBuilder(4).pack();
    expect(() => GramIndex.fromBytes(bytes.subarray(0, 12))).toThrow(/^index: /);
  });
});
