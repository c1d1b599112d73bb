import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import { boundedDistance } from '../../../src/core/search/editDistance.ts';
import { TermDictionary } from '../../../src/core/search/termDictionary.ts';
import { TermIndex, type TermQueryOptions } from '../../../src/core/search/termIndex.ts';

const FIELDS = ['title', 'text'] as const;
type Doc = { id: number; title: string; text: string };

// A small alphabet makes shared prefixes, near misses and repeated terms common.
const word = fc.stringMatching(/^[abcé]{1,7}$/);
const field = fc.array(word, { maxLength: 12 }).map((w) => w.join(' '));
// Distinct query terms: a repeated one would count twice in MiniSearch and once here.
const query = fc.uniqueArray(word, { minLength: 1, maxLength: 4 });
const docs = fc
  .array(fc.record({ title: field, text: field }), { minLength: 1, maxLength: 25 })
  .map((list) => list.map((d, id): Doc => ({ id, ...d })));

const options: TermQueryOptions = {
  boost: { title: 1.6, text: 1 },
  prefix: (t) => t.length >= 3,
  fuzzy: (t) => (t.length >= 4 ? 0.2 : false),
  maxFuzzy: 1,
  weights: { prefix: 0.35, fuzzy: 0.3 },
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  boostTerm: (t) => (t.startsWith('a') ? 0.7 : 1),
};

function miniSearchOver(list: readonly Doc[]) {
  const ms = new MiniSearch<Doc>({
    fields: [...FIELDS],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });
  ms.addAll(list);
  return ms;
}

describe('TermIndex', () => {
  it('finds the same documents with the same scores and terms as MiniSearch', () => {
    fc.assert(
      fc.property(docs, query, (list, query) => {
        const ours = TermIndex.build(FIELDS, list).search(query.join(' '), options);
        const theirs = miniSearchOver(list).search(query.join(' '), options as never);
        expect(ours.map((r) => r.id).sort()).toEqual(theirs.map((r) => r.id).sort());
        const byId = new Map(theirs.map((r) => [r.id, r]));
        for (const r of ours) {
          const t = byId.get(r.id);
          expect(r.score).toBeCloseTo(t?.score ?? Number.NaN, 9);
          expect([...r.terms].sort()).toEqual([...(t?.terms ?? [])].sort());
          expect([...r.queryTerms].sort()).toEqual([...(t?.queryTerms ?? [])].sort());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('returns the best `limit` documents, in the order a full search ranks them', () => {
    fc.assert(
      fc.property(docs, query, fc.nat(8), (list, query, limit) => {
        const index = TermIndex.build(FIELDS, list);
        const all = index.search(query.join(' '), options);
        expect(index.search(query.join(' '), { ...options, limit })).toEqual(all.slice(0, limit));
      }),
      { numRuns: 200 },
    );
  });

  it('answers identically after a round trip through JSON', () => {
    fc.assert(
      fc.property(docs, query, (list, query) => {
        const index = TermIndex.build(FIELDS, list);
        const restored = TermIndex.fromJSON<(typeof FIELDS)[number]>(JSON.parse(JSON.stringify(index)));
        expect(restored.search(query.join(' '), options)).toEqual(index.search(query.join(' '), options));
        expect(restored.documentFrequencies(['text'])).toEqual(index.documentFrequencies(['text']));
      }),
      { numRuns: 50 },
    );
  });

  it('refuses saved data whose parts disagree', () => {
    const json = JSON.parse(JSON.stringify(TermIndex.build(FIELDS, [{ id: 0, title: 'a b', text: 'c' }])));
    expect(() => TermIndex.fromJSON({ ...json, terms: ['a'] })).toThrow(/^term (index|dictionary): /);
    expect(() => TermIndex.fromJSON({ ...json, postings: [] })).toThrow(/^term (index|dictionary): /);
    expect(() => TermIndex.fromJSON({ ...json, documentCount: 2 })).toThrow(/^term (index|dictionary): /);
  });

  it('counts each document once per term across the chosen fields', () => {
    const index = TermIndex.build(FIELDS, [
      { id: 0, title: 'apt', text: 'apt apt get' },
      { id: 1, title: 'dpkg', text: 'apt' },
    ]);
    expect(index.documentFrequencies(['title', 'text'])).toEqual(
      new Map([
        ['apt', 2],
        ['dpkg', 1],
        ['get', 1],
      ]),
    );
    expect(index.documentFrequencies(['title'])).toEqual(
      new Map([
        ['apt', 1],
        ['dpkg', 1],
      ]),
    );
  });
});

describe('TermDictionary', () => {
  const levenshtein = (a: string, b: string): number => {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      let diagonal = row[0] as number;
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const above = row[j] as number;
        row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
        diagonal = above;
      }
    }
    return row[b.length] as number;
  };

  it('finds exactly the terms within one or two edits, first letter included', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, fc.constantFrom(1, 2), (terms, term, max) => {
        const dictionary = new TermDictionary(TermDictionary.sort(terms));
        const expected = dictionary.terms.flatMap((t, id) => {
          const d = levenshtein(term, t);
          return d <= max ? [[id, d] as const] : [];
        });
        expect([...dictionary.fuzzy(term, max)].sort((a, b) => a[0] - b[0])).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('finds the range of terms that start with a prefix', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 60 }), word, (terms, prefix) => {
        const dictionary = new TermDictionary(TermDictionary.sort(terms));
        const [from, to] = dictionary.prefixRange(prefix);
        expect(dictionary.terms.slice(from, to)).toEqual(
          dictionary.terms.filter((t) => t.startsWith(prefix)),
        );
      }),
    );
  });

  it('bounds the edit distance like the full computation', () => {
    fc.assert(
      fc.property(word, word, fc.constantFrom(1, 2, 3), (a, b, max) => {
        const d = levenshtein(a, b);
        expect(boundedDistance(a, b, max)).toBe(d <= max ? d : -1);
      }),
      { numRuns: 1000 },
    );
  });
});
