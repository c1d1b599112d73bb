import { analyzerFor } from '../analysis/analyzer.ts';
import { questionLanguages } from '../analysis/detectLanguage.ts';
import { UNDETERMINED } from '../analysis/languages.ts';
import { tokenize } from '../analysis/tokenize.ts';
import type { KnowledgeBase } from '../knowledgeBase.ts';
import type { Passage } from '../types.ts';
import { proximityPairs } from './proximity.ts';
import type { SearchSettings } from './settings.ts';
import type { TermMatch } from './termIndex.ts';

/** One concept of the question: a term and its synonyms, all analysed for one language. */
interface TermGroup {
  readonly term: string;
  readonly synonyms: readonly string[];
  readonly idf: number;
}

/** A passage that matched, with what it matched. */
export interface PassageHit {
  readonly passage: Passage;
  readonly score: number;
  /** Index terms this passage matched (after prefix/fuzzy expansion): used to mark snippets. */
  readonly matched: ReadonlySet<string>;
  /** Share of the question's IDF weight this passage covers, 0–1. */
  readonly coverage: number;
}

/** The outcome of a passage search. */
export interface PassageSearch {
  /** Best first. */
  readonly hits: readonly PassageHit[];
  /** Every analysed question term, including common ones left out of retrieval. */
  readonly terms: ReadonlySet<string>;
  /** False when the question had no searchable term at all. */
  readonly searchable: boolean;
}

/**
 * Finds the passages best matching a question. The question is analysed in each language it may
 * be written in (one or two of the languages present) and searched once per language; a passage's
 * score is its best across languages, so no term is counted twice.
 */
export function searchPassages(
  kb: KnowledgeBase,
  question: string,
  settings: SearchSettings,
  limit: number,
): PassageSearch {
  const text = question.slice(0, settings.maxQuestionChars);
  const best = new Map<number, PassageHit>();
  const allTerms = new Set<string>();
  let searchable = false;
  for (const lang of questionLanguages(text, kb.languages)) {
    const groups = termGroups(kb, text, lang);
    if (groups.length === 0) continue;
    searchable = true;
    for (const g of groups) {
      allTerms.add(g.term);
      for (const s of g.synonyms) allTerms.add(s);
    }
    for (const hit of runQuery(kb, groups, lang, settings)) {
      const previous = best.get(hit.passage.id);
      if (!previous || previous.score < hit.score) best.set(hit.passage.id, hit);
    }
  }
  const hits = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  return { hits, terms: allTerms, searchable };
}

/** Inverse document frequency of an index term over passages (BM25's formula). */
export function idf(kb: KnowledgeBase, term: string): number {
  const n = kb.index.df.get(term) ?? 0;
  const total = kb.passages.length;
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

function termGroups(kb: KnowledgeBase, text: string, lang: string): TermGroup[] {
  const analyzer = analyzerFor(lang);
  const groups = new Map<string, TermGroup>();
  for (const token of tokenize(text)) {
    const term = analyzer.term(token.text);
    if (!term || groups.has(term)) continue;
    // A synonym may be of another language ("alliance, Allianz"): analyse it as every language of
    // the knowledge would, and keep the forms the index knows.
    const synonyms = [
      ...new Set(
        kb.synonyms
          .of(token.text)
          .flatMap((s) => [...kb.languages.keys()].flatMap((l) => analyzerFor(l).terms(s)))
          .filter((s) => s !== term && kb.index.df.has(s)),
      ),
    ];
    groups.set(term, { term, synonyms, idf: idf(kb, term) });
  }
  return [...groups.values()];
}

function runQuery(
  kb: KnowledgeBase,
  groups: readonly TermGroup[],
  lang: string,
  settings: SearchSettings,
): PassageHit[] {
  const total = kb.passages.length;
  const commonDf = Math.max(settings.commonTermMinPassages, settings.commonTermShare * total);
  const isCommon = (t: string) => (kb.index.df.get(t) ?? 0) > commonDf;
  // Like Lucene's common-terms query: frequent terms only retrieve when a rarer term that occurs
  // in the index is asked too (they would touch a large part of the index for little score).
  const rare = groups.filter((g) => !isCommon(g.term) && kb.index.df.has(g.term));
  const retrieving = rare.length > 0 ? groups.filter((g) => !isCommon(g.term)) : groups;
  const weight = new Map<string, number>();
  for (const g of retrieving) {
    weight.set(g.term, 1);
    for (const s of g.synonyms) if (!weight.has(s)) weight.set(s, 0.7);
  }
  const results = kb.index.search.search([...weight.keys()].join(' '), {
    boost: settings.boost,
    prefix: (term) => term.length >= settings.prefixMinLength,
    fuzzy: (term) => (term.length >= settings.fuzzyMinLength ? settings.fuzzy : false),
    maxFuzzy: settings.maxFuzzy,
    weights: settings.weights,
    bm25: settings.bm25,
    boostTerm: (term) => weight.get(term) ?? 1,
    limit: settings.passagePool,
  });
  const totalIdf = groups.reduce((sum, g) => sum + g.idf, 0) || 1;
  const hits: PassageHit[] = [];
  for (const r of results.slice(0, settings.passagePool)) {
    const passage = kb.passages[r.id as number];
    if (!passage) continue;
    const matched = new Set(r.terms);
    const pairs = proximityPairs(passage, matched, settings.proximityWindow);
    const bonus = 1 + (settings.proximityBoost * pairs) / Math.max(1, retrieving.length - 1);
    // Names match across languages, but a translated twin should not beat the question's language.
    const language =
      passage.lang === lang || passage.lang === UNDETERMINED ? 1 : settings.otherLanguageWeight;
    hits.push({
      passage,
      score: r.score * bonus * language,
      matched,
      coverage: coverage(r, groups, totalIdf),
    });
  }
  return hits;
}

function coverage(result: TermMatch, groups: readonly TermGroup[], totalIdf: number): number {
  const matched = new Set(result.queryTerms);
  let covered = 0;
  for (const g of groups) {
    if (matched.has(g.term) || g.synonyms.some((s) => matched.has(s))) covered += g.idf;
  }
  return covered / totalIdf;
}
