import type { MatchInfo, SearchResult } from 'minisearch';

/**
 * MiniSearch's scoring (BM25+ per field, term weights and boosts, OR/AND/AND_NOT combination,
 * the score times the number of query terms matched) over posting lists kept as ranges of typed
 * arrays: per posting a few array reads and one multiply-add into a dense score array, instead of
 * MiniSearch's Map lookups and a result object per document and term (about 1 µs a posting, plus
 * the garbage). Scores are summed in MiniSearch's order with its expressions, so they are equal to
 * the last bit, and results tie-break as MiniSearch's stable sort does; `packedSearch.test.ts`
 * compares both on many queries.
 */

/** One field's postings of a term: documents ascending, with the term's frequency in each. */
export interface PostingRange {
  readonly docs: Uint32Array;
  readonly freqs: Uint32Array;
  readonly start: number;
  readonly end: number;
}

/** An index term a query term expanded to (itself, a prefix or a fuzzy match) and its weight. */
export interface Expansion {
  readonly term: string;
  /** MiniSearch's term weight: 1, or the prefix/fuzzy weight scaled by the distance. */
  readonly weight: number;
  /** Postings by field number. */
  readonly fields: ReadonlyMap<number, PostingRange>;
}

/** One query term, as MiniSearch's `executeQuerySpec` scores it. */
export interface TermQuery {
  readonly term: string;
  readonly termBoost: number;
  readonly expansions: readonly Expansion[];
  /** The fields searched, in MiniSearch's order (the keys of its boost object). */
  readonly fields: readonly ScoredField[];
  readonly bm25: BM25;
}

/** A query as a tree of term queries combined as MiniSearch's combinators do. */
export type QueryNode =
  | { readonly kind: 'term'; readonly query: TermQuery; readonly bit: number }
  | { readonly kind: 'or' | 'and' | 'and_not'; readonly children: readonly QueryNode[] };

/** What scoring reads of an index besides its postings. */
export interface ScoredIndex {
  readonly documentCount: number;
  /** Number of fields; field lengths are at `doc * fieldCount + field`. */
  readonly fieldCount: number;
  readonly fieldLengths: Uint32Array;
  readonly averageFieldLength: readonly number[];
  /** External document ids by document number. */
  readonly ids: Float64Array;
}

/** A field to score, with its boost. */
export interface ScoredField {
  readonly name: string;
  readonly id: number;
  readonly boost: number;
}

export interface BM25 {
  readonly k: number;
  readonly b: number;
  readonly d: number;
}

/** Matched documents of a query node, in MiniSearch's result-map order. */
interface Matches {
  readonly count: number;
  readonly docs: Int32Array;
  readonly scores: Float64Array;
  /** Per document, `words` bits: which term queries it matched. */
  readonly masks: Uint32Array;
}

/** Results best first, ranked as far as they are read (a heap, so the first few cost little). */
export interface RankedResults extends Iterable<SearchResult> {
  readonly length: number;
  slice(start?: number, end?: number): SearchResult[];
}

/**
 * Dense per-document arrays reused by every search of one index (searches are synchronous), and
 * the field-length part of BM25 per document, per parameter set.
 */
export class ScoringState {
  readonly score: Float64Array;
  readonly stamp: Uint32Array;
  readonly position: Int32Array;
  readonly order: Int32Array;
  epoch = 0;
  readonly #norms = new Map<string, Float64Array>();
  readonly #index: ScoredIndex;

  constructor(index: ScoredIndex) {
    const n = index.documentCount;
    this.#index = index;
    this.score = new Float64Array(n);
    this.stamp = new Uint32Array(n);
    this.position = new Int32Array(n);
    this.order = new Int32Array(n);
  }

  /** A new mark: documents stamped before it are unmarked. */
  nextEpoch(): number {
    if (this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }

  /** `k * (1 - b + b * fieldLength / averageFieldLength)` per document and field, as MiniSearch computes it. */
  norms({ k, b }: BM25): Float64Array {
    const key = `${k} ${b}`;
    let norms = this.#norms.get(key);
    if (!norms) {
      const { fieldLengths, fieldCount, averageFieldLength } = this.#index;
      norms = new Float64Array(fieldLengths.length);
      for (let i = 0; i < fieldLengths.length; i++) {
        const fieldLength = fieldLengths[i] as number;
        const avgFieldLength = averageFieldLength[i % fieldCount] as number;
        norms[i] = k * (1 - b + (b * fieldLength) / avgFieldLength);
      }
      this.#norms.set(key, norms);
    }
    return norms;
  }
}

/**
 * Scores a query tree and ranks its results, equal to MiniSearch's `search` on the same index
 * (see the module comment). `terms` are the tree's term queries by bit (each query term once).
 */
export function scoreQuery(
  index: ScoredIndex,
  state: ScoringState,
  root: QueryNode,
  terms: readonly TermQuery[],
): RankedResults {
  const words = Math.max(1, Math.ceil(terms.length / 32));
  const evaluate = (node: QueryNode): Matches => {
    if (node.kind === 'term') return scoreTerm(index, state, node.query, node.bit, words);
    const parts = node.children.map(evaluate);
    if (parts.length === 0) return empty();
    if (node.kind === 'or') return combineOr(state, parts, words);
    return parts.reduce((a, b) =>
      node.kind === 'and' ? combineAnd(state, a, b, words) : andNot(state, a, b, words),
    );
  };
  return new Ranked(index, evaluate(root), terms, words);
}

function empty(): Matches {
  return { count: 0, docs: new Int32Array(0), scores: new Float64Array(0), masks: new Uint32Array(0) };
}

/** MiniSearch's `termResults` over every expansion of one query term. */
function scoreTerm(
  index: ScoredIndex,
  state: ScoringState,
  query: TermQuery,
  bit: number,
  words: number,
): Matches {
  const { k, d } = query.bm25;
  const norms = state.norms(query.bm25);
  const epoch = state.nextEpoch();
  const { score, stamp, order } = state;
  const total = index.documentCount;
  const fieldCount = index.fieldCount;
  let count = 0;
  for (const expansion of query.expansions) {
    for (const field of query.fields) {
      const postings = expansion.fields.get(field.id);
      if (postings === undefined) continue;
      const { docs, freqs, start, end } = postings;
      const matchingCount = end - start;
      const invDocFreq = Math.log(1 + (total - matchingCount + 0.5) / (matchingCount + 0.5));
      // MiniSearch multiplies termWeight * termBoost * fieldBoost * docBoost * rawScore, left to right.
      const weight = expansion.weight * query.termBoost * field.boost * 1;
      const field0 = field.id;
      for (let i = start; i < end; i++) {
        const doc = docs[i] as number;
        const termFreq = freqs[i] as number;
        const rawScore =
          invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + (norms[doc * fieldCount + field0] as number)));
        const weighted = weight * rawScore;
        if (stamp[doc] === epoch) score[doc] = (score[doc] as number) + weighted;
        else {
          stamp[doc] = epoch;
          score[doc] = weighted;
          order[count++] = doc;
        }
      }
    }
  }
  const docs = order.slice(0, count);
  const scores = new Float64Array(count);
  for (let j = 0; j < count; j++) scores[j] = score[docs[j] as number] as number;
  const masks = new Uint32Array(count * words);
  const word = bit >>> 5;
  const flag = (1 << (bit & 31)) >>> 0;
  for (let j = 0; j < count; j++) masks[j * words + word] = flag;
  return { count, docs, scores, masks };
}

/** MiniSearch's OR, folded left over the parts: the first part's order, then new documents. */
function combineOr(state: ScoringState, parts: readonly Matches[], words: number): Matches {
  if (parts.length === 1) return parts[0] as Matches;
  const epoch = state.nextEpoch();
  const { score, stamp, position, order } = state;
  const masks: number[] = [];
  let count = 0;
  for (const part of parts) {
    for (let j = 0; j < part.count; j++) {
      const doc = part.docs[j] as number;
      if (stamp[doc] === epoch) {
        score[doc] = (score[doc] as number) + (part.scores[j] as number);
        const at = (position[doc] as number) * words;
        for (let w = 0; w < words; w++)
          masks[at + w] = ((masks[at + w] as number) | (part.masks[j * words + w] as number)) >>> 0;
      } else {
        stamp[doc] = epoch;
        score[doc] = part.scores[j] as number;
        position[doc] = count;
        order[count++] = doc;
        for (let w = 0; w < words; w++) masks.push(part.masks[j * words + w] as number);
      }
    }
  }
  const docs = order.slice(0, count);
  const scores = new Float64Array(count);
  for (let j = 0; j < count; j++) scores[j] = score[docs[j] as number] as number;
  return { count, docs, scores, masks: Uint32Array.from(masks) };
}

/** MiniSearch's AND: the documents of `b` (in its order) that `a` has. */
function combineAnd(state: ScoringState, a: Matches, b: Matches, words: number): Matches {
  const epoch = state.nextEpoch();
  const { stamp, position } = state;
  for (let j = 0; j < a.count; j++) {
    const doc = a.docs[j] as number;
    stamp[doc] = epoch;
    position[doc] = j;
  }
  const docs: number[] = [];
  const scores: number[] = [];
  const masks: number[] = [];
  for (let j = 0; j < b.count; j++) {
    const doc = b.docs[j] as number;
    if (stamp[doc] !== epoch) continue;
    const i = position[doc] as number;
    docs.push(doc);
    scores.push((a.scores[i] as number) + (b.scores[j] as number));
    for (let w = 0; w < words; w++)
      masks.push(((a.masks[i * words + w] as number) | (b.masks[j * words + w] as number)) >>> 0);
  }
  return {
    count: docs.length,
    docs: Int32Array.from(docs),
    scores: Float64Array.from(scores),
    masks: Uint32Array.from(masks),
  };
}

/** MiniSearch's AND_NOT: the documents of `a` that `b` lacks. */
function andNot(state: ScoringState, a: Matches, b: Matches, words: number): Matches {
  const epoch = state.nextEpoch();
  const { stamp } = state;
  for (let j = 0; j < b.count; j++) stamp[b.docs[j] as number] = epoch;
  const kept: number[] = [];
  for (let j = 0; j < a.count; j++) if (stamp[a.docs[j] as number] !== epoch) kept.push(j);
  const masks = new Uint32Array(kept.length * words);
  kept.forEach((j, i) => {
    for (let w = 0; w < words; w++) masks[i * words + w] = a.masks[j * words + w] as number;
  });
  return {
    count: kept.length,
    docs: Int32Array.from(kept, (j) => a.docs[j] as number),
    scores: Float64Array.from(kept, (j) => a.scores[j] as number),
    masks,
  };
}

/**
 * Results ranked by score, then by MiniSearch's result order (its sort is stable), extracted from
 * a binary heap as they are read.
 */
class Ranked implements RankedResults {
  readonly length: number;
  readonly #index: ScoredIndex;
  readonly #matches: Matches;
  readonly #terms: readonly TermQuery[];
  readonly #words: number;
  /** Final scores by match position: MiniSearch's score × the number of query terms matched. */
  readonly #final: Float64Array;
  /** A heap of match positions; `#heap[#size..]` holds the ones already ranked, best last. */
  readonly #heap: Int32Array;
  #size: number;
  readonly #results: SearchResult[] = [];

  constructor(index: ScoredIndex, matches: Matches, terms: readonly TermQuery[], words: number) {
    this.#index = index;
    this.#matches = matches;
    this.#terms = terms;
    this.#words = words;
    this.length = matches.count;
    this.#final = new Float64Array(matches.count);
    for (let j = 0; j < matches.count; j++) {
      let quality = 0;
      for (let w = 0; w < words; w++) quality += bitCount(matches.masks[j * words + w] as number);
      this.#final[j] = (matches.scores[j] as number) * (quality || 1);
    }
    this.#heap = Int32Array.from({ length: matches.count }, (_, j) => j);
    this.#size = matches.count;
    for (let i = (this.#size >> 1) - 1; i >= 0; i--) this.#siftDown(i);
  }

  slice(start = 0, end = this.length): SearchResult[] {
    const to = Math.min(end < 0 ? this.length + end : end, this.length);
    this.#rankTo(to);
    return this.#results.slice(start < 0 ? Math.max(0, this.length + start) : start, to);
  }

  *[Symbol.iterator](): Iterator<SearchResult> {
    for (let i = 0; i < this.length; i++) {
      this.#rankTo(i + 1);
      yield this.#results[i] as SearchResult;
    }
  }

  #rankTo(count: number): void {
    const heap = this.#heap;
    while (this.#results.length < count) {
      const best = heap[0] as number;
      this.#size--;
      heap[0] = heap[this.#size] as number;
      this.#siftDown(0);
      this.#results.push(this.#result(best));
    }
  }

  /** Whether match `a` ranks before match `b`. */
  #before(a: number, b: number): boolean {
    const sa = this.#final[a] as number;
    const sb = this.#final[b] as number;
    return sa > sb || (sa === sb && a < b);
  }

  #siftDown(from: number): void {
    const heap = this.#heap;
    const size = this.#size;
    let i = from;
    const item = heap[i] as number;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && this.#before(heap[child + 1] as number, heap[child] as number)) child++;
      if (!this.#before(heap[child] as number, item)) break;
      heap[i] = heap[child] as number;
      i = child;
    }
    heap[i] = item;
  }

  #result(j: number): SearchResult {
    const doc = this.#matches.docs[j] as number;
    const queryTerms: string[] = [];
    const matched: TermQuery[] = [];
    for (let bit = 0; bit < this.#terms.length; bit++) {
      if (((this.#matches.masks[j * this.#words + (bit >>> 5)] as number) >>> (bit & 31)) & 1) {
        const term = this.#terms[bit] as TermQuery;
        queryTerms.push(term.term);
        matched.push(term);
      }
    }
    return new PackedResult(this.#index.ids[doc] as number, this.#final[j] as number, queryTerms, () =>
      matchInfo(doc, matched),
    );
  }
}

/**
 * A search result whose `match` (and `terms`, its keys) is worked out when first read: most
 * results are only ranked past.
 */
class PackedResult implements SearchResult {
  [key: string]: unknown;
  readonly id: number;
  readonly score: number;
  readonly queryTerms: string[];
  #match: MatchInfo | undefined;
  readonly #matchInfo: () => MatchInfo;

  constructor(id: number, score: number, queryTerms: string[], match: () => MatchInfo) {
    this.id = id;
    this.score = score;
    this.queryTerms = queryTerms;
    this.#matchInfo = match;
  }

  get match(): MatchInfo {
    this.#match ??= this.#matchInfo();
    return this.#match;
  }

  get terms(): string[] {
    return Object.keys(this.match);
  }
}

/**
 * The fields each expansion matched in a document, built as MiniSearch builds it: per term query
 * (in query order) its expansions in order, each with the fields holding it, merged with
 * `Object.assign` as its combinators merge.
 */
function matchInfo(doc: number, matched: readonly TermQuery[]): MatchInfo {
  let match: MatchInfo | undefined;
  for (const query of matched) {
    let own: MatchInfo | undefined;
    for (const expansion of query.expansions) {
      for (const field of query.fields) {
        const postings = expansion.fields.get(field.id);
        if (postings === undefined || !holds(postings, doc)) continue;
        if (own === undefined) own = { [expansion.term]: [field.name] };
        else if (Object.hasOwn(own, expansion.term)) (own[expansion.term] as string[]).push(field.name);
        else own[expansion.term] = [field.name];
      }
    }
    if (own !== undefined) match = match === undefined ? own : Object.assign(match, own);
  }
  return match ?? {};
}

function holds({ docs, start, end }: PostingRange, doc: number): boolean {
  let lo = start;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((docs[mid] as number) < doc) lo = mid + 1;
    else hi = mid;
  }
  return lo < end && docs[lo] === doc;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
