import { readFileSync } from 'node:fs';
import path from 'node:path';
import MiniSearch, { type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildKnowledgeBase, type KnowledgeBase } from '../../../src/core/knowledgeBase.ts';
import type { RankedResults } from '../../../src/core/search/packedScorer.ts';
import { PackedSearch } from '../../../src/core/search/packedSearch.ts';
import { searchPassages } from '../../../src/core/search/searchPassages.ts';
import { DefaultSearchSettings } from '../../../src/core/search/settings.ts';
import { readKnowledgeFiles } from '../../../src/host/readKnowledge.ts';
import { devSet, projectRoot } from '../../support/paths.ts';

const settings = DefaultSearchSettings;

/** The real folders and their questions: the Python FAQ dev set and the German/English handbook set. */
const sets = [
  // Measured 2026-12-02: 171 questions made 342 searches (passages and articles) with 61,130 results.
  { name: 'the Python FAQ', dir: devSet, minResults: 60_000 },
  // 156 questions in two languages: 628 searches with 13,445 results.
  {
    name: 'the German/English handbook excerpts',
    dir: path.join(projectRoot, 'tests/fixtures/eval/handbook'),
    minResults: 13_000,
  },
];

async function load(dir: string): Promise<{ kb: KnowledgeBase; questions: string[] }> {
  const files = await readKnowledgeFiles(path.join(dir, 'knowledge'), {
    maxFileBytes: settings.maxFileBytes,
  });
  const questions = readFileSync(path.join(dir, 'questions.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => (JSON.parse(line) as { q: string }).q);
  return { kb: buildKnowledgeBase(files, settings), questions };
}

/** Every field MiniSearch returns, read through the ranked results as a caller reads them. */
function plain(results: Iterable<SearchResult>) {
  return [...results].map(({ id, score, terms, queryTerms, match }) => ({
    id,
    score,
    terms,
    queryTerms,
    match,
  }));
}

/** MiniSearch's own `search` over the same packed index (its Map-based scoring of every posting). */
function miniSearch(index: PackedSearch<unknown>, query: Query, options: SearchOptions): SearchResult[] {
  return MiniSearch.prototype.search.call(index, query, options);
}

/** Asserts the packed scorer's results equal MiniSearch's: same documents in the same order, same fields and scores. */
function expectSame(
  index: PackedSearch<unknown>,
  query: Query,
  options: SearchOptions,
  ranked?: RankedResults,
) {
  const expected = miniSearch(index, query, options);
  const actual = plain(ranked ?? index.rank(query, options));
  expect(actual.length).toBe(expected.length);
  // Scores are summed in MiniSearch's order with its expressions: equal to the last bit.
  expect(actual).toEqual(expected);
  return expected.length;
}

describe('the packed scorer', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  for (const set of sets) {
    it(`ranks exactly as MiniSearch's own search for every search the bot makes for ${set.name}'s questions`, async () => {
      const { kb, questions } = await load(set.dir);
      const calls: Array<{
        index: PackedSearch<unknown>;
        query: Query;
        options: SearchOptions;
        ranked: RankedResults;
      }> = [];
      const rank = PackedSearch.prototype.rank;
      vi.spyOn(PackedSearch.prototype, 'rank').mockImplementation(function (
        this: PackedSearch<unknown>,
        query,
        options = {},
      ) {
        const ranked = rank.call(this, query, options);
        calls.push({ index: this, query, options, ranked });
        return ranked;
      });
      for (const q of questions) searchPassages(kb, q, settings, settings.passagePool);
      vi.restoreAllMocks();
      let results = 0;
      // Ranked results read again in full, after the bot read only their head.
      for (const call of calls) results += expectSame(call.index, call.query, call.options, call.ranked);
      // Floors (see `sets`), so that the test compares something.
      expect(calls.length).toBeGreaterThanOrEqual(questions.length * 2);
      expect(results).toBeGreaterThanOrEqual(set.minResults);
    });
  }

  it('ranks exactly as MiniSearch with other options: prefix and fuzzy everywhere, AND, AND_NOT, fields, BM25', async () => {
    const { kb, questions } = await load(devSet);
    const index = [...kb.index.languages.values()][0]?.search as PackedSearch<unknown>;
    const variants: SearchOptions[] = [
      {},
      { prefix: true, fuzzy: 0.2 },
      { prefix: true, fuzzy: 0.4, maxFuzzy: 2, weights: { prefix: 0.5, fuzzy: 0.2 } },
      { fuzzy: 1, boost: { title: 3, text: 0.5 }, bm25: { k: 2, b: 0.9, d: 0 } },
      { combineWith: 'AND', prefix: true },
      { fields: ['text', 'title'], boostTerm: (_t, i) => 1 / (i + 1), prefix: (t) => t.length > 4 },
    ];
    let compared = 0;
    for (const q of questions.slice(0, 60)) {
      const terms = [...new Set(q.toLowerCase().match(/[a-z]{3,}/g) ?? [])];
      if (terms.length === 0) continue;
      for (const options of variants) {
        expectSame(index, terms.join(' '), options);
        const nested: Query = {
          combineWith: 'OR',
          queries: [
            { combineWith: 'AND', queries: terms.slice(0, 2) },
            { combineWith: 'AND_NOT', queries: [terms.slice(1).join(' '), terms[0] as string] },
          ],
        };
        expectSame(index, nested, options);
        compared += 2;
      }
    }
    expect(compared).toBeGreaterThan(500);
  });

  it('leaves to MiniSearch what it does not implement, with the same results', async () => {
    const { kb } = await load(devSet);
    const index = [...kb.index.languages.values()][0]?.search as PackedSearch<unknown>;
    // A term asked twice, a document boost, a filter and the wildcard query.
    expectSame(index, 'list list sort', {});
    expectSame(index, 'list sort', { boostDocument: (id: number) => 1 + (id % 3) });
    expectSame(index, 'list sort', { filter: (r) => r.id % 2 === 0 });
    expect(index.rank(MiniSearch.wildcard, {}).length).toBe(index.documentCount);
  });
});
