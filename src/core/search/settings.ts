/**
 * Tuning defaults of the retrieval core, in one place. Chosen on the Python FAQ dev set
 * (`npm run eval`) and the German question set in `tests/fixtures/eval/`; the same values serve
 * any folder of articles.
 */
export const DefaultSearchSettings = {
  /** Passage size bounds in words. */
  minPassageWords: 40,
  maxPassageWords: 200,
  /** Files larger than this are skipped. */
  maxFileBytes: 10 * 1024 * 1024,
  /** Field boosts: a match in the title, the article's lead or a heading says more than one in the body. */
  boost: { title: 1.6, lead: 1.5, headings: 1.4, text: 1 },
  /** BM25+ parameters (MiniSearch's defaults are k 1.2, b 0.7, d 0.5). */
  bm25: { k: 1.2, b: 0.7, d: 0.5 },
  /** BM25+ parameters of the article-level index (articles are long: more saturation, more length norm). */
  articleBm25: { k: 2.5, b: 0.9, d: 0.5 },
  /** An article's rank: this share of its article-level score plus the rest of its passage score (both min-max normalised). */
  articleWeight: 0.7,
  /** Weight of the parts of a compound the index does not know (GNOME de: 0.25–0.6 alike). */
  compoundPartWeight: 0.4,
  /** Query terms at least this long also match longer index terms that start with them. */
  prefixMinLength: 5,
  /** Query terms at least this long match with one typo. */
  fuzzyMinLength: 6,
  fuzzy: 0.2,
  maxFuzzy: 1,
  weights: { prefix: 0.35, fuzzy: 0.3 },
  /**
   * A query term in more than this share of passages is "common": when the question has rarer
   * terms, common ones are left out of retrieval (they would touch most of the index for a
   * negligible score) and only count when choosing sentences.
   */
  commonTermShare: 0.02,
  /** …and in more than this many passages (small folders never leave terms out). */
  commonTermMinPassages: 1000,
  /**
   * When every term of a question is common, only the rarest are searched (at least two), up to
   * this many postings in all: MiniSearch scores every posting (about a microsecond each), so this
   * bounds the slowest questions (60,806-passage handbook, 208 questions: the slowest 53 → 25 ms,
   * dev set unchanged).
   */
  commonQueryMaxPostings: 16_000,
  /** Matched terms this close (in terms) count as standing together… */
  proximityWindow: 3,
  /** …and each such pair raises a passage's score by this share (per question term). */
  proximityBoost: 0.3,
  /**
   * Other languages' indexes are searched only with terms in at most this share of all passages
   * (names, translations from the synonyms file)…
   */
  crossLanguageShare: 0.002,
  /** …or in at most this many passages (small folders search every language with every term). */
  crossLanguageMinPassages: 50,
  /** Up to this many passages, unknown words are also matched with a typo's leeway in other languages. */
  crossLanguageFuzzyMaxPassages: 20_000,
  /** Score factor for passages in another language than the question's. */
  otherLanguageWeight: 0.6,
  /** Passages fetched per question before grouping by article. */
  passagePool: 40,
  /** An article's score: its best passage plus this share of its second best. */
  secondPassageWeight: 0.15,
  /** Share of the question's IDF weight the best passage must cover for a confident answer. */
  minCoverage: 0.4,
  /** The best article's article-level score must lead the second's by this share of itself. */
  minMargin: 0.15,
  /** A further article is cited only if its article-level score is at least this share of the best one. */
  minRelativeScore: 0.15,
  /** Citations per answer page, search hits per page. */
  citations: 3,
  searchPageSize: 5,
  /** Snippets: at most this many characters and sentences. */
  snippetChars: 300,
  snippetSentences: 2,
  /** Questions longer than this are cut before analysis. */
  maxQuestionChars: 500,
} as const satisfies Record<string, unknown>;

type Widen<T> = T extends number
  ? number
  : T extends string
    ? string
    : T extends object
      ? { readonly [K in keyof T]: Widen<T[K]> }
      : T;

/** The settings type: every field of {@link DefaultSearchSettings}, with any value of its type. */
export type SearchSettings = Widen<typeof DefaultSearchSettings>;
