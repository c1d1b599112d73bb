import type { Query, SearchOptions, SearchResult } from 'minisearch';
import { analyzerFor, type TermToken, termTokens } from '../analysis/analyzer.ts';
import { charGrams } from '../analysis/charGrams.ts';
import { questionLanguages } from '../analysis/detectLanguage.ts';
import { UNDETERMINED } from '../analysis/languages.ts';
import { foldTerm } from '../analysis/normalize.ts';
import { tokenize } from '../analysis/tokenize.ts';
import { completeElided, expandAbbreviation, spellingVariants, splitCompound } from '../analysis/variants.ts';
import type { KnowledgeBase } from '../knowledgeBase.ts';
import type { Passage } from '../types.ts';
import { mayMatch } from './passageIndex.ts';
import { prefixCost } from './prefixCost.ts';
import { proximityPairs } from './proximity.ts';
import type { SearchSettings } from './settings.ts';

/** One concept of the question: a term and its synonyms, all analysed for one language. */
interface TermGroup {
  readonly term: string;
  readonly synonyms: readonly string[];
  /** Parts of a compound term, searched at a lower weight. */
  readonly parts: readonly string[];
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
  /** How many of the question's concepts (a term with its synonyms and parts) it matched. */
  readonly concepts: number;
  /** The passage's analysed tokens, when the search already made them (pool passages). */
  readonly tokens?: readonly TermToken[];
}

/** An article that matched at article level (its passages of one language as one document). */
export interface ArticleMatch {
  readonly score: number;
  /** Index terms the article matched. */
  readonly matched: ReadonlySet<string>;
  /** Share of the question's IDF weight the article covers, 0–1. */
  readonly coverage: number;
  readonly concepts: number;
}

/** The outcome of a passage search. */
export interface PassageSearch {
  /** Best first. */
  readonly hits: readonly PassageHit[];
  /** Article-level scores by article id (its best over the languages searched). */
  readonly articles: ReadonlyMap<string, ArticleMatch>;
  /**
   * Character n-gram scores (see `charGrams`) of the articles of `articles` in the question's
   * language, by article id: how many of the pieces of the question's words each article uses.
   */
  readonly grams: ReadonlyMap<string, number>;
  /** The best passage of each article that matched at article level but has no passage in `hits`. */
  readonly reserve: ReadonlyMap<string, PassageHit>;
  /** Every analysed question term, including common ones left out of retrieval. */
  readonly terms: ReadonlySet<string>;
  /** False when the question had no searchable term at all. */
  readonly searchable: boolean;
  /** The number of concepts in the question (in the language with the most). */
  readonly concepts: number;
  /** The question as searched (cut to `maxQuestionChars`). */
  readonly question: string;
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
  const articles = new Map<string, ArticleMatch>();
  const grams = new Map<string, number>();
  const reserve = new Map<string, PassageHit>();
  const allTerms = new Set<string>();
  let searchable = false;
  let concepts = 0;
  for (const lang of questionLanguages(text, kb.languages)) {
    const groups = termGroups(kb, text, lang);
    if (groups.length === 0) continue;
    searchable = true;
    concepts = Math.max(concepts, groups.length);
    for (const g of groups) {
      allTerms.add(g.term);
      for (const s of [...g.synonyms, ...g.parts]) allTerms.add(s);
    }
    const run = runQuery(kb, groups, lang, settings);
    for (const hit of run.hits) {
      const previous = best.get(hit.passage.id);
      if (!previous || previous.score < hit.score) best.set(hit.passage.id, hit);
    }
    for (const [id, match] of run.articles) {
      const previous = articles.get(id);
      if (!previous || previous.score < match.score) articles.set(id, match);
    }
    for (const [id, score] of run.grams) grams.set(id, Math.max(score, grams.get(id) ?? 0));
    for (const [id, hit] of run.reserve) {
      const previous = reserve.get(id);
      if (!previous || previous.score < hit.score) reserve.set(id, hit);
    }
  }
  const hits = [...best.values()].sort((a, b) => b.score - a.score).slice(0, limit);
  const pooled = new Set(hits.map((h) => h.passage.articleId));
  for (const id of pooled) reserve.delete(id);
  return { hits, articles, grams, reserve, terms: allTerms, searchable, concepts, question: text };
}

/** Inverse document frequency of an index term over passages (BM25's formula). */
export function idf(kb: KnowledgeBase, term: string): number {
  const n = kb.index.df.get(term) ?? 0;
  const total = kb.passages.length;
  return Math.log(1 + (total - n + 0.5) / (n + 0.5));
}

function termGroups(kb: KnowledgeBase, text: string, lang: string): TermGroup[] {
  const analyzer = analyzerFor(lang);
  const known = (t: string | undefined): t is string => t !== undefined && kb.index.df.has(t);
  const groups = new Map<string, TermGroup>();
  const words = tokenize(text).flatMap((token) => {
    // Chat abbreviations ("ppl") stand for their words, unless the articles use them as written.
    const expanded = expandAbbreviation(foldTerm(token.text), lang);
    return expanded && !known(analyzer.term(token.text)) ? expanded.split(' ') : [token.text];
  });
  words.push(...completeElided(text, lang, (w) => known(analyzer.term(w))));
  for (const word of words) {
    let term = analyzer.term(word);
    if (!term || groups.has(term)) continue;
    // A regular spelling variant the articles use ("centre" → "center") stands in for an unknown word.
    if (!known(term)) {
      const variant = spellingVariants(foldTerm(word), lang)
        .map((v) => analyzer.term(v))
        .find(known);
      if (variant) term = variant;
    }
    if (groups.has(term)) continue;
    // A synonym may be of another language ("alliance, Allianz"): analyse it as every language of
    // the knowledge would, and keep the forms the index knows.
    const synonyms = [
      ...new Set(
        kb.synonyms
          .of(word)
          .flatMap((s) => [...kb.languages.keys()].flatMap((l) => analyzerFor(l).terms(s)))
          .filter((s) => s !== term && kb.index.df.has(s)),
      ),
    ];
    // A compound the articles do not use is searched by its parts (Brailleschrift → Braille,
    // Schrift), at a lower weight. Splitting known compounds too helped GNOME German by 6 questions
    // of 493 but cost 2 of 78 on the handbook set: not robust.
    const split = known(term)
      ? undefined
      : splitCompound(foldTerm(word), lang, (w) => known(analyzer.term(w)));
    const parts = split ? split.map((w) => analyzer.term(w) as string) : [];
    groups.set(term, { term, synonyms, parts, idf: idf(kb, term) });
  }
  // A word no article uses (chat, a typo, another wording) weighs as the question's commonest
  // known word: it cannot be matched, so it should not outweigh everything that was.
  const list = [...groups.values()];
  const knownIdf = list.filter((g) => known(g.term)).map((g) => g.idf);
  const unknownIdf = knownIdf.length > 0 ? Math.min(...knownIdf) : undefined;
  return list.map((g) => (unknownIdf !== undefined && !known(g.term) ? { ...g, idf: unknownIdf } : g));
}

function runQuery(
  kb: KnowledgeBase,
  groups: readonly TermGroup[],
  lang: string,
  settings: SearchSettings,
): {
  hits: PassageHit[];
  articles: Map<string, ArticleMatch>;
  grams: Map<string, number>;
  reserve: Map<string, PassageHit>;
} {
  const total = kb.passages.length;
  const df = (t: string) => kb.index.df.get(t) ?? 0;
  const commonDf = Math.max(settings.commonTermMinPassages, settings.commonTermShare * total);
  // Like Lucene's common-terms query: frequent terms only retrieve when a rarer term that occurs
  // in the index is asked too (they would touch a large part of the index for little score).
  const rare = groups.filter((g) => df(g.term) <= commonDf && df(g.term) > 0);
  const [lone] = rare;
  const retrieving =
    lone && (rare.length > 1 || !needsCommon(groups, lone))
      ? groups.filter((g) => df(g.term) <= commonDf)
      : lone
        ? withCommon(groups, lone, df, commonDf, settings.commonQueryMaxPostings / 4)
        : affordable(groups, df, settings.commonQueryMaxPostings);
  const weight = new Map<string, number>();
  for (const g of retrieving) {
    weight.set(g.term, 1);
    for (const s of g.synonyms) if (!weight.has(s)) weight.set(s, 0.7);
    for (const s of g.parts) if (!weight.has(s)) weight.set(s, settings.compoundPartWeight);
  }
  // Other languages are searched for names and translations only: terms rare over the whole index.
  const nameDf = Math.max(settings.crossLanguageMinPassages, settings.crossLanguageShare * total);
  // Words no index knows may be another language's spelling (alliance / Allianz): fuzzy finds those.
  const names = [...weight.keys()].filter((t) => df(t) <= nameDf);
  // A fuzzy walk of every other language's term tree is affordable in small folders only.
  const fuzzyAcross = total <= settings.crossLanguageFuzzyMaxPassages;
  const totalIdf = groups.reduce((sum, g) => sum + g.idf, 0) || 1;
  // A prefix that completes to common words ("comma" → "command") would cost what they cost.
  const prefix = (term: string) =>
    term.length >= settings.prefixMinLength && prefixCost(kb.index.df, term) <= commonDf;
  const found: Array<{ r: SearchResult; score: number }> = [];
  const articles = new Map<string, ArticleMatch>();
  const grams = new Map<string, number>();
  const reserve = new Map<string, PassageHit>();
  for (const [indexLang, index] of kb.index.languages) {
    const own = indexLang === lang || indexLang === UNDETERMINED;
    const terms = own ? [...weight.keys()] : names;
    if (terms.length === 0) continue;
    // Another language is unpacked (if it is not yet) only when it holds one of the terms.
    if (!own && !fuzzyAcross && !mayMatch(kb.index, indexLang, terms, prefix)) continue;
    const options: SearchOptions = {
      boost: settings.boost,
      prefix,
      // Fuzzy matching is the costliest expansion (a walk of the term tree): only for words no
      // index knows (typos, or another language's spelling).
      fuzzy: (term) =>
        df(term) === 0 && term.length >= settings.fuzzyMinLength && (own || fuzzyAcross)
          ? settings.fuzzy
          : false,
      maxFuzzy: settings.maxFuzzy,
      weights: settings.weights,
      boostTerm: (term) => weight.get(term) ?? 1,
    };
    const narrow = own && rare.length === 0 ? allConcepts(retrieving, df) : undefined;
    let results = narrow ? index.search.rank(narrow, options) : [];
    if (results.length === 0) results = index.search.rank(terms.join(' '), options);
    // Names match across languages, but a translated twin should not beat the question's language.
    const language = own ? 1 : settings.otherLanguageWeight;
    for (const r of results.slice(0, settings.passagePool)) found.push({ r, score: r.score * language });
    const articleOptions = { ...options, bm25: settings.articleBm25 };
    let articleResults = narrow ? index.articles.rank(narrow, articleOptions) : [];
    if (articleResults.length === 0) articleResults = index.articles.rank(terms.join(' '), articleOptions);
    const wanted = new Set<string>();
    for (const r of articleResults.slice(0, settings.passagePool)) {
      const id = kb.articleOrder[r.id as number];
      const score = r.score * language;
      if (id === undefined || (articles.get(id)?.score ?? 0) >= score) continue;
      articles.set(id, { score, matched: new Set(r.terms), ...coverage(r, groups, totalIdf) });
      wanted.add(id);
    }
    if (own && settings.gramWeight > 0 && settings.gramLength > 0) {
      const pieces = [
        ...new Set(
          charGrams(
            retrieving.map((g) => g.term),
            settings.gramLength,
          ),
        ),
      ];
      const gramResults = index.grams.search(pieces, settings.articleBm25);
      for (const r of gramResults) {
        const id = kb.articleOrder[r.id as number];
        // Pieces of words only re-rank articles that matched words: alone they match nearly anything.
        if (id !== undefined && articles.has(id)) grams.set(id, r.score);
      }
    }
    // An article can rank well as a whole without any passage in the pool: keep its best passage.
    for (const r of results) {
      if (wanted.size === 0) break;
      const passage = kb.passages[r.id as number];
      if (!passage || !wanted.delete(passage.articleId)) continue;
      const hit = {
        passage,
        score: r.score * language,
        matched: new Set(r.terms),
        ...coverage(r, groups, totalIdf),
      };
      if ((reserve.get(passage.articleId)?.score ?? 0) < hit.score) reserve.set(passage.articleId, hit);
    }
  }
  // Proximity re-reads a passage's text: only for the pool of best passages over all languages.
  found.sort((a, b) => b.score - a.score);
  const hits: PassageHit[] = [];
  for (const { r, score } of found.slice(0, settings.passagePool)) {
    const passage = kb.passages[r.id as number];
    if (!passage) continue;
    const matched = new Set(r.terms);
    // Analysed once per question: proximity here, the snippet's sentence choice later.
    const tokens = termTokens(passage.text, passage.lang);
    const pairs = proximityPairs(
      tokens.map((t) => t.term),
      matched,
      settings.proximityWindow,
    );
    const bonus = 1 + (settings.proximityBoost * pairs) / Math.max(1, retrieving.length - 1);
    hits.push({ passage, score: score * bonus, matched, tokens, ...coverage(r, groups, totalIdf) });
  }
  return { hits, articles, grams, reserve };
}

/**
 * When every term is common, the rarest ones that fit the postings budget (at least two): the
 * others ("use", "debian" in a handbook about Debian) add little to the ranking but their postings
 * would dominate the question's cost. Unknown words (typos) stay.
 */
function affordable(groups: readonly TermGroup[], df: (t: string) => number, budget: number): TermGroup[] {
  const known = groups.filter((g) => df(g.term) > 0).sort((a, b) => df(a.term) - df(b.term));
  const kept = new Set<TermGroup>();
  let postings = 0;
  for (const g of known) {
    postings += df(g.term);
    if (kept.size >= 2 && postings > budget) break;
    kept.add(g);
  }
  return groups.filter((g) => df(g.term) === 0 || kept.has(g));
}

/**
 * One rare word cannot carry a question alone when it is less than half of its weight: in a folder
 * where most text is repeated (a handbook left untranslated in many language folders) "configure
 * the network interface with a static IP address" was searched as "static" and answered by any
 * passage about static routes.
 */
function needsCommon(groups: readonly TermGroup[], rare: TermGroup): boolean {
  const total = groups.reduce((sum, g) => sum + g.idf, 0);
  return rare.idf < 0.5 * total;
}

/** The rare word and the common ones with it, the rarest first, within the postings budget. */
function withCommon(
  groups: readonly TermGroup[],
  rare: TermGroup,
  df: (t: string) => number,
  commonDf: number,
  budget: number,
): TermGroup[] {
  const common = groups.filter((g) => df(g.term) > commonDf);
  const kept = new Set(affordable(common, df, budget - df(rare.term)));
  return groups.filter((g) => df(g.term) <= commonDf || kept.has(g));
}

/**
 * When every known term of a question is common (nothing rare to narrow the search), a passage
 * must match each concept (a term or one of its synonyms), as in Lucene's common-terms query: an
 * OR of common words would score a large share of the index. Unknown words (typos) stay optional.
 */
function allConcepts(groups: readonly TermGroup[], df: (t: string) => number): Query | undefined {
  const known = groups.filter((g) => df(g.term) > 0);
  if (known.length < 2) return undefined;
  const concept = (g: TermGroup): Query =>
    g.synonyms.length === 0 ? g.term : { combineWith: 'OR', queries: [g.term, ...g.synonyms] };
  const all: Query = { combineWith: 'AND', queries: known.map(concept) };
  const unknown = groups.filter((g) => df(g.term) === 0).map((g) => g.term);
  return unknown.length === 0 ? all : { combineWith: 'OR', queries: [all, ...unknown] };
}

function coverage(
  result: SearchResult,
  groups: readonly TermGroup[],
  totalIdf: number,
): { coverage: number; concepts: number } {
  const matched = new Set(result.queryTerms);
  let covered = 0;
  let concepts = 0;
  for (const g of groups) {
    if (matched.has(g.term) || [...g.synonyms, ...g.parts].some((s) => matched.has(s))) {
      covered += g.idf;
      concepts++;
    }
  }
  return { coverage: covered / totalIdf, concepts };
}
