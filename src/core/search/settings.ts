/**
 * Tuning of the retrieval core, in one place, split by when a knob acts. Every knob gives its
 * default, a sensible range and where the value was measured. "GNOME" is the GNOME Help EN+DE dev
 * set (986 questions), "FAQ" the Python FAQ dev set (171), "handbook" the German/English set in
 * `tests/fixtures/eval/handbook` (156), all with `npm run eval`; GNOME fr+es is held out of tuning.
 * The same values serve every folder and language. Knobs equal to MiniSearch's defaults are not
 * restated (passage BM25+ is MiniSearch's k 1.2, b 0.7, d 0.5).
 */

/** Knobs that change what is indexed: hashed into the index cache key. */
export const DefaultIndexSettings = {
  /**
   * Passage size bounds in words (range 20–80 / 100–400). 40/200 chosen on the FAQ when passages
   * replaced whole articles (article-level scoring now rides beside them).
   */
  minPassageWords: 40,
  maxPassageWords: 200,
  /** Files larger than this are skipped (range 1–100 MB; a guard against huge dumps, not tuned). */
  maxFileBytes: 10 * 1024 * 1024,
  /**
   * Length of the character n-grams indexed per article (0: none; see `GramIndex`). 3 / 4 / 5
   * at gramWeight 0.7: GNOME hit@1 0.760 / 0.765 / 0.761 (de 0.716 / 0.726 / 0.714), FAQ 0.637 /
   * 0.643 / 0.637, handbook both languages 0.949 / 0.942 / 0.949. The handbook's 26 languages:
   * +28 MB of cache, +55 MB RSS with every language decoded (as a MiniSearch field: +220 MB), about
   * 2–3 s more CPU for a cold build (19–20 s → 21–24 s on a loaded machine, parse and chunk included).
   */
  gramLength: 4,
} as const satisfies Record<string, unknown>;

/** Knobs that only change how a question is scored and answered: not in the cache key. */
export const DefaultQuerySettings = {
  /**
   * Field boosts (range 1–3): a match in the title, the article's lead or a heading says more than
   * one in the body. Title 1 or lead 2.5 scored lower on GNOME and the FAQ (−0.2 to −3 points).
   */
  boost: { title: 1.6, lead: 1.5, headings: 1.4, text: 1 },
  /**
   * BM25+ of the article-level index (k 1.2–3, b 0.7–1): articles are long, so more saturation
   * and more length normalisation than passages. GNOME hit@1: k 2/2.5/3 at b 0.9 → 0.725/0.728/
   * 0.729; b 0.75/1 → 0.727/0.726; d 0 or 1 no better on both sets.
   */
  articleBm25: { k: 2.5, b: 0.9, d: 0.5 },
  /**
   * An article's rank: this share of its min-max normalised article-level score plus the rest of
   * its normalised passage score (range 0.4–0.7). GNOME hit@1 at 0 / 0.4 / 0.5 / 0.6 / 0.7 / 1:
   * 0.710 / 0.729 / 0.732 / 0.729 / 0.728 / 0.707; FAQ 0.614 / 0.608 / – / 0.614 / 0.620 / –.
   */
  articleWeight: 0.7,
  /**
   * Share of the article weight given to the article's character n-gram score, min-max normalised
   * like the others (range 0.6–0.8); n-grams only re-rank articles that matched words (alone they
   * matched "volcano observatory" in blockchain news; as candidates they gained nothing). GNOME
   * hit@1 (en / de) at 0 / 0.5 / 0.6 / 0.7 / 0.8 / 0.9 / 1: 0.733 (0.789 / 0.677) / 0.759
   * (0.809 / 0.708) / 0.764 (0.805 / 0.722) / 0.765 (0.803 / 0.726) / 0.767 (0.801 / 0.732) /
   * 0.762 / 0.761 (0.787 / 0.734); FAQ 0.620 / 0.614 / 0.626 / 0.643 / 0.649 / 0.655 / 0.626;
   * handbook de/en 0.923/0.936 / 0.936/0.949 / 0.949/0.949 / 0.936/0.949 / 0.923/0.962 /
   * 0.923/0.962 / 0.910/0.962. With MiniSearch's factor for matched terms (see `GramIndex`), 0.4
   * was best: GNOME 0.754, FAQ 0.626. n-grams for compounding languages only: English back at
   * 0.789, FAQ 0.614. Their BM25 is the article level's (k 1.2 or b 0.5 lower on GNOME, k 5 alike).
   */
  gramWeight: 0.7,
  // Measured with n-grams on (weight 0.4, with the matched-terms factor: GNOME 0.754, en 0.805, de
  // 0.702) and left out:
  // German participles stemmed as their infinitive (eingeschaltet → einschalten): 7 questions
  // fixed, 7 lost, same figures; a passage bonus for the share of the question's n-grams it holds
  // (×1 + 0.3 / 0.6 / 1.2 × share): GNOME 0.756 / 0.756 / 0.753, FAQ 0.626 / 0.620 / 0.620; other
  // field boosts for the article level only (headings 1 or 2, title 1 or 2.5, lead 1 or 2.5):
  // GNOME 0.746–0.755, FAQ 0.614–0.626.
  // Measured on 2026-12-02 (GNOME 0.765, en 0.803 / de 0.726; FAQ 0.643; handbook de/en 0.936 /
  // 0.949) and left out. A true BM25F at article level (fields weighted 3/2/2/1 and saturated
  // together, k 4, b 1, d 0, without MiniSearch's factor for matched terms): GNOME 0.775 (0.809 /
  // 0.740), FAQ 0.649, handbook alike, and at minLead 0.22 / leadPerConcept 0.05 GNOME 0.754
  // confident at precision 0.868, but FAQ 0.643 at 0.764 (0.678 at 0.767 today) and the shipped
  // "which province got the first blockchain zone" answered from the English article (its German
  // answer matched two names, which the dropped factor had doubled; the factor to the power 0.3 /
  // 0.5: still wrong, FAQ 0.649 / 0.643). The factor dropped from today's article level: GNOME
  // 0.764, FAQ 0.655, confident GNOME 0.709 at 0.861. Passage BM25 k 0.8 / 2, b 0.4 / 0.9, d 0:
  // within two questions. Reciprocal-rank or z-score fusion instead of min-max: 0.742–0.766. Known
  // compounds in at most five passages also searched by their parts (Akkustatus → Akku + Status):
  // de +2 questions. German verb forms (überprüft ↔ überprüfen, gesichert ↔ sichern) as
  // synonyms: de +1, handbook de −1. Prefix matching only for terms in ≤ 1% of passages: ±1.
  // Confidence: a top article that stays first when any one word is left out of the question
  // (GNOME: 94% right, against 79% when one removal changes it) adds little beside the lead
  // (best mix 0.758 at 0.849) for up to one more search per word.
  /** Weight of the parts of a compound the index does not know (range 0.25–0.6: alike on GNOME de). */
  compoundPartWeight: 0.4,
  /**
   * Query terms at least this long also match longer index terms that start with them (range
   * 4–6): 4 helped GNOME de (+2.8 points) but cost en and the FAQ; with n-grams de +2 questions,
   * en −2; 6 cost GNOME de 11 questions.
   */
  prefixMinLength: 5,
  /** Query terms at least this long (range 5–8) match with a typo's leeway… */
  fuzzyMinLength: 6,
  /** …of this share of their length (range 0.1–0.3)… */
  fuzzy: 0.2,
  /** …but at most this many edits (range 1–2). */
  maxFuzzy: 1,
  /** Score weights of prefix and fuzzy matches (range 0.2–0.5: within a question either way on GNOME/FAQ). */
  weights: { prefix: 0.35, fuzzy: 0.3 },
  /**
   * A query term in more than this share of passages (range 0.01–0.05) is "common": when the
   * question has rarer terms, common ones are left out of retrieval (they would touch most of the
   * index for a negligible score) and only count when choosing sentences…
   */
  commonTermShare: 0.02,
  /** …and in more than this many passages (small folders never leave terms out). */
  commonTermMinPassages: 1000,
  /**
   * When every term of a question is common, only the rarest are searched (at least two), up to
   * this many postings in all (range 8,000–32,000): MiniSearch scores every posting (about a
   * microsecond each), so this bounds the slowest questions (60,806-passage handbook, 208
   * questions: the slowest 53 → 25 ms, FAQ unchanged).
   */
  commonQueryMaxPostings: 16_000,
  /** Matched terms this close (in terms, range 2–5) count as standing together… */
  proximityWindow: 3,
  /** …and each such pair raises a passage's score by this share (per question term, range 0–0.5). */
  proximityBoost: 0.3,
  /**
   * Other languages' indexes are searched only with terms in at most this share of all passages
   * (names, translations from the synonyms file; range 0.001–0.01)…
   */
  crossLanguageShare: 0.002,
  /** …or in at most this many passages (small folders search every language with every term). */
  crossLanguageMinPassages: 50,
  /** Up to this many passages, unknown words are also matched with a typo's leeway in other languages. */
  crossLanguageFuzzyMaxPassages: 20_000,
  /** Score factor for passages in another language than the question's (range 0.3–0.8; 0.3 alike on GNOME). */
  otherLanguageWeight: 0.6,
  /** Passages (and articles) fetched per question per language before ranking (range 20–80; 80 alike on GNOME). */
  passagePool: 40,
  /** An article's passage score: its best passage plus this share of its second best (range 0–0.3). */
  secondPassageWeight: 0.15,
  /**
   * A confident answer's best passage, and a further cited article's, covers at least this share
   * of the question's IDF weight (range 0.3–0.5). The dev sets hold only questions their folder
   * answers, where it barely helps; but of 411 GNOME Help and Python FAQ questions put to the
   * 26-language handbook, which answers almost none, it kept confident answers at 100 instead of
   * 168 (measured before the character n-grams; 82 with them).
   */
  minCoverage: 0.4,
  /**
   * A confident answer's article leads the next distinct article of its passage's language by this
   * much or more… (range 0.2–0.3): the difference of their fused scores (0–1), at most the article-level
   * margin (s1 − s2) / s1. With `leadPerConcept` 0.04 and the covered share 0.4, confident share
   * at precision on GNOME / FAQ / handbook (ranking of main at 06:55 UTC, the rival of any
   * language): 0.20 → 0.770 at 0.843 / 0.708 at 0.752; 0.21 → 0.760 at 0.846 / 0.678 at 0.767 /
   * 0.840 at 0.969; 0.22 → 0.746 at 0.853 / 0.673 at 0.774 / 0.840 at 0.969; 0.24 → 0.718 at 0.860
   * / 0.614 at 0.790 / 0.833 at 0.969. With the rival of the top passage's language (as shipped):
   * 0.21 → 0.763 at 0.844 / 0.678 at 0.767 / 0.846 at 0.970; 0.22 → 0.749 at 0.851 / 0.673 at
   * 0.774 / 0.846 at 0.970.
   * Before the character n-grams, the fused difference alone (no bound) at 0.30 gave
   * 0.754 at 0.838 / 0.667 at 0.763 / 0.808 at 0.968.
   * After the German word forms (`germanForms.ts`; 2026-12-02 evening): 0.21 → 0.767 at 0.849 /
   * 0.678 at 0.767 / 0.846 at 0.970; 0.22 → 0.752 at 0.856 / 0.673 at 0.774 / 0.846 at 0.970
   * (GNOME's 85% at 75% reached, by two questions); 0.23 → 0.738 at 0.856 / 0.626 at 0.785;
   * 0.24 → 0.721 at 0.862 / 0.614 at 0.790 / 0.840 at 0.969.
   */
  minLead: 0.22,
  /**
   * …less this much for each question concept its best passage matches, up to six (range
   * 0–0.06). At about the same confident share, 0.04 with a lead of 0.35 gave GNOME 0.701 at
   * precision 0.858, 0 with a lead of 0.2 gave 0.708 at 0.848; alike on the FAQ and the handbook.
   */
  leadPerConcept: 0.04,
  /** A further article is cited only if its article-level score is at least this share of the best one. */
  minRelativeScore: 0.15,
  /** Citations per answer page (range 1–5; Discord shows them in one embed). */
  citations: 3,
  /** Snippets: at most this many characters (a Discord embed fits three) and sentences. */
  snippetChars: 300,
  snippetSentences: 2,
  /** Questions longer than this are cut before analysis (hostile input, huge pastes). */
  maxQuestionChars: 500,
} as const satisfies Record<string, unknown>;

/** Every knob, index and query time. */
export const DefaultSearchSettings = { ...DefaultIndexSettings, ...DefaultQuerySettings } as const;

type Widen<T> = T extends number
  ? number
  : T extends string
    ? string
    : T extends object
      ? { readonly [K in keyof T]: Widen<T[K]> }
      : T;

/** The index-time settings type: any value of each knob's type. */
export type IndexSettings = Widen<typeof DefaultIndexSettings>;
/** The query-time settings type. */
export type QuerySettings = Widen<typeof DefaultQuerySettings>;
/** All settings, as the engine takes them. */
export type SearchSettings = IndexSettings & QuerySettings;

/** The index-time part of some settings: what the index cache key hashes. */
export function indexSettingsOf(settings: IndexSettings): IndexSettings {
  const keys = Object.keys(DefaultIndexSettings) as Array<keyof IndexSettings>;
  return Object.fromEntries(keys.map((k) => [k, settings[k]])) as unknown as IndexSettings;
}
