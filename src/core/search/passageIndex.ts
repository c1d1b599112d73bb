import type { Options } from 'minisearch';
import { analyzerFor } from '../analysis/analyzer.ts';
import type { Article, Passage } from '../types.ts';
import { GramIndex, GramIndexBuilder } from './gramIndex.ts';
import { PackedSearch, packedDocumentCount } from './packedSearch.ts';
import { positionOf } from './positionOf.ts';

/** The fields each passage is indexed under. */
export const INDEX_FIELDS = ['title', 'lead', 'headings', 'text'] as const;

/** A passage as handed to MiniSearch: each field already analysed into space-separated terms. */
export interface IndexDoc {
  readonly id: number;
  readonly title: string;
  readonly lead: string;
  readonly headings: string;
  readonly text: string;
}

/**
 * MiniSearch options. Terms are analysed before they reach MiniSearch (each passage in its own
 * language), so MiniSearch only splits on spaces and keeps terms as they are.
 */
export const indexOptions: Options<IndexDoc> = {
  fields: [...INDEX_FIELDS],
  storeFields: [],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
};

/**
 * One language's indexes: MiniSearch over its passages (what is cited) and over its articles (each
 * article's passages of this language as one document: what ranks best, see `rankArticles`), and
 * the articles' character n-grams (see `GramIndex`). Built (straight into their packed form) or
 * restored from the cache, they stay packed bytes until first searched; unpacking the handbook's
 * English indexes takes a few hundred milliseconds, so a question unpacks the languages it needs
 * before it is answered.
 */
export class LanguageIndex {
  #search: PackedSearch<IndexDoc> | undefined;
  #articles: PackedSearch<IndexDoc> | undefined;
  #grams: GramIndex | undefined;
  readonly #bytes: Uint8Array;
  readonly #parts: readonly [start: number, end: number][];
  /** Number of passages indexed. */
  readonly documentCount: number;

  private constructor(bytes: Uint8Array, documentCount: number) {
    // [passage, article and n-gram index lengths (4 bytes each, padded to 16)][each index, padded to 8 bytes]
    if (bytes.byteLength < 16) throw new Error('index: packed index is truncated');
    const view = new DataView(bytes.buffer, bytes.byteOffset, 16);
    let at = 16;
    const parts: [number, number][] = [];
    for (let i = 0; i < 3; i++) {
      const length = view.getUint32(4 * i, true);
      parts.push([at, at + length]);
      at += Math.ceil(length / 8) * 8;
    }
    if (at > bytes.byteLength) throw new Error('index: packed index is truncated');
    this.#bytes = bytes;
    this.#parts = parts;
    this.documentCount = documentCount;
  }

  /** Indexes one language's passages and articles (see {@link PackedSearch.packAll}); `grams` is their packed n-gram index. */
  static build(
    passages: readonly IndexDoc[],
    articles: readonly IndexDoc[],
    grams: Uint8Array,
  ): LanguageIndex {
    const parts = [
      PackedSearch.packAll(passages, indexOptions),
      PackedSearch.packAll(articles, indexOptions),
      grams,
    ];
    const bytes = new Uint8Array(16 + parts.reduce((sum, p) => sum + Math.ceil(p.byteLength / 8) * 8, 0));
    const view = new DataView(bytes.buffer);
    let at = 16;
    parts.forEach((p, i) => {
      view.setUint32(4 * i, p.byteLength, true);
      bytes.set(p, at);
      at += Math.ceil(p.byteLength / 8) * 8;
    });
    return new LanguageIndex(bytes, passages.length);
  }

  /**
   * Indexes packed by {@link pack}, holding `documentCount` passages; unpacked on first use. A
   * corrupt file fails while loading: its layout is checked now.
   *
   * @throws Error `index: …` when the bytes are not packed indexes
   */
  static fromBytes(bytes: Uint8Array, documentCount: number): LanguageIndex {
    const index = new LanguageIndex(bytes, documentCount);
    if (packedDocumentCount(index.#part(0)) !== documentCount) {
      throw new Error('index: passage count disagrees');
    }
    packedDocumentCount(index.#part(1));
    index.#grams = GramIndex.fromBytes(index.#part(2));
    return index;
  }

  /** The passage index (unpacking it now if it was not used yet). */
  get search(): PackedSearch<IndexDoc> {
    this.#search ??= PackedSearch.unpack<IndexDoc>(this.#part(0), indexOptions);
    return this.#search;
  }

  /** The article index: ids are article positions in the knowledge base's article order. */
  get articles(): PackedSearch<IndexDoc> {
    this.#articles ??= PackedSearch.unpack<IndexDoc>(this.#part(1), indexOptions);
    return this.#articles;
  }

  /** The articles' character n-grams: ids are article positions, as in {@link articles}. */
  get grams(): GramIndex {
    this.#grams ??= GramIndex.fromBytes(this.#part(2));
    return this.#grams;
  }

  /** Whether the passage index is unpacked. */
  get loaded(): boolean {
    return this.#search !== undefined;
  }

  /** The packed indexes, as written to the cache. */
  pack(): Uint8Array {
    return this.#bytes;
  }

  #part(i: number): Uint8Array {
    const [start, end] = this.#parts[i] as [number, number];
    return this.#bytes.subarray(start, end);
  }
}

/** The inverted indexes plus per-term passage frequencies (for IDF and common-term handling). */
export interface PassageIndex {
  /**
   * One MiniSearch index per language. A question is searched in its own language's index, and
   * for its rare terms (names) in the others: a common word of one language never costs a scan
   * of every other language's postings, and each language keeps its own BM25 statistics.
   */
  readonly languages: ReadonlyMap<string, LanguageIndex>;
  /** Number of passages each term occurs in, over all languages (title, headings or text). */
  readonly df: ReadonlyMap<string, number>;
  /**
   * Which language indexes hold each term of `df`: bit i for the i-th language of `languages`
   * (from the 31st on, the bit is always set). Tells whether a language can match a question
   * without unpacking its index.
   */
  readonly termLanguages: TermLanguages;
}

/** Every index term in order, with the mask of the languages whose index holds it. */
export interface TermLanguages {
  readonly terms: readonly string[];
  readonly masks: readonly number[];
}

/** Bits of a term's language mask: languages past the last bit are always assumed to match. */
const LANGUAGE_BITS = 31;

/** The mask bit of the `i`-th language. */
export function languageBit(i: number): number {
  return i >= 0 && i < LANGUAGE_BITS ? 1 << i : ALL_LANGUAGES;
}

const ALL_LANGUAGES = -1;

/**
 * Whether a language's index can match any of `terms` (as it is, or as a prefix of a longer term
 * where `prefix` allows), known from {@link PassageIndex.termLanguages} without unpacking it.
 */
export function mayMatch(
  index: PassageIndex,
  lang: string,
  terms: readonly string[],
  prefix: (term: string) => boolean,
): boolean {
  const bit = languageBit([...index.languages.keys()].indexOf(lang));
  const { terms: known, masks } = index.termLanguages;
  const holds = (i: number) => ((masks[i] ?? 0) & bit) !== 0;
  return terms.some((t) => {
    // The first index term at or after t: t itself, then (if any) the terms it is a prefix of.
    let i = positionOf(known, t);
    if (known[i] === t && holds(i++)) return true;
    if (!prefix(t)) return false;
    for (; i < known.length && (known[i] as string).startsWith(t); i++) if (holds(i)) return true;
    return false;
  });
}

/**
 * Decodes the largest language index still packed. A service calls it step by step after a
 * start, between questions, until it returns false: questions never wait for it (they unpack what
 * they need), but later ones find their languages ready.
 *
 * @returns whether an index was decoded
 */
export function decodeNextLanguage(index: PassageIndex): boolean {
  let next: LanguageIndex | undefined;
  for (const language of index.languages.values()) {
    if (!language.loaded && language.documentCount > (next?.documentCount ?? -1)) next = language;
  }
  if (!next) return false;
  void next.search;
  void next.articles;
  return true;
}

/**
 * An article's first words say what it is about (news leads, FAQ answers restating the question):
 * they are indexed with every passage of the article, like its title. 20 words was best on the dev
 * set (hit@1 0.60 against 0.53 without a lead field; 15–30 words all helped).
 */
const LEAD_WORDS = 20;

/**
 * Builds the per-language indexes over all passages (passage ids must be their positions, and
 * passages arrive in article order). One language is analysed and indexed at a time and packed
 * right away, which bounds a build's memory by its largest language. With `gramLength` above 0,
 * each article's terms are also indexed as character n-grams of that length (see `GramIndex`).
 */
export function buildPassageIndex(
  articles: ReadonlyMap<string, Pick<Article, 'title'>>,
  passages: readonly Passage[],
  gramLength = 0,
): PassageIndex {
  const position = new Map([...articles.keys()].map((id, i) => [id, i]));
  const titles = new Map<string, string>();
  const leads = new Map<string, string>();
  const byLanguage = new Map<string, Passage[]>();
  for (const p of passages) {
    const analyzer = analyzerFor(p.lang);
    if (!titles.has(p.articleId)) {
      titles.set(p.articleId, analyzer.terms(articles.get(p.articleId)?.title ?? '').join(' '));
    }
    // Passages arrive in article order, position 0 first: the opening passage gives the lead.
    if (p.position === 0) {
      leads.set(p.articleId, analyzer.terms(p.text.split(/\s+/).slice(0, LEAD_WORDS).join(' ')).join(' '));
    }
    const list = byLanguage.get(p.lang) ?? [];
    list.push(p);
    byLanguage.set(p.lang, list);
  }
  const df = new Map<string, number>();
  const termLanguages = new Map<string, number>();
  const languages = new Map<string, LanguageIndex>();
  for (const [lang, list] of byLanguage) {
    const analyzer = analyzerFor(lang);
    const bit = languageBit(languages.size);
    // Article-level documents: an article's passages of this language, joined.
    const byArticle = new Map<string, { headings: Set<string>; text: string[] }>();
    const docs = list.map((p): IndexDoc => {
      const title = titles.get(p.articleId) ?? '';
      const headings = analyzer.terms(p.headings.join(' ')).join(' ');
      const text = analyzer.terms(p.text).join(' ');
      for (const term of new Set(`${title} ${headings} ${text}`.split(' '))) {
        if (term) df.set(term, (df.get(term) ?? 0) + 1);
      }
      const doc = byArticle.get(p.articleId) ?? { headings: new Set<string>(), text: [] };
      byArticle.set(p.articleId, doc);
      if (headings) doc.headings.add(headings);
      doc.text.push(text);
      return { id: p.id, title, lead: leads.get(p.articleId) ?? '', headings, text };
    });
    for (const doc of docs) {
      for (const field of [doc.title, doc.lead, doc.headings, doc.text]) {
        for (const term of field.split(' ')) {
          if (term) termLanguages.set(term, (termLanguages.get(term) ?? 0) | bit);
        }
      }
    }
    const articleDocs = [...byArticle].map(
      ([id, doc]): IndexDoc => ({
        id: position.get(id) ?? -1,
        title: titles.get(id) ?? '',
        lead: leads.get(id) ?? '',
        headings: [...doc.headings].join(' '),
        text: doc.text.join(' '),
      }),
    );
    const grams = new GramIndexBuilder(gramLength);
    for (const a of articleDocs) {
      const tf = new Map<string, number>();
      if (gramLength > 0) {
        for (const field of [a.title, a.headings, a.text]) {
          for (const term of field.split(' ')) if (term) tf.set(term, (tf.get(term) ?? 0) + 1);
        }
      }
      grams.add(a.id, tf);
    }
    languages.set(lang, LanguageIndex.build(docs, articleDocs, grams.pack()));
  }
  // In term order, as saved and restored: prefix lookups (see prefixCost) then need no sorting.
  const sorted = new Map([...df].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  const terms = [...termLanguages.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const masks = terms.map((t) => termLanguages.get(t) ?? 0);
  return { languages, df: sorted, termLanguages: { terms, masks } };
}
