import MiniSearch, { type Options, type Query, type SearchOptions, type SearchResult } from 'minisearch';
import { concatSections, readSections } from './byteSections.ts';
import {
  type BM25,
  type Expansion,
  type PostingRange,
  type QueryNode,
  type RankedResults,
  type ScoredField,
  type ScoredIndex,
  ScoringState,
  scoreQuery,
  type TermQuery,
} from './packedScorer.ts';
import { TermLookup } from './termLookup.ts';

/** What MiniSearch keeps per term: each field's documents with the term's frequency. */
type FieldTermData = Map<number, Map<number, number>>;

/** What an unpacked index keeps beside MiniSearch's own fields, for {@link PackedSearch.rank}. */
interface Packed {
  readonly index: ScoredIndex;
  /** Terms and their postings by term number, as packed. */
  readonly terms: readonly string[];
  readonly values: readonly FieldTermData[];
  readonly tree: Map<string, unknown>;
  state?: ScoringState;
  lookup?: TermLookup;
}

type SpecOptions = SearchOptions & Pick<Options, 'tokenize' | 'processTerm'>;

/**
 * A MiniSearch index built straight into bytes and restored from them in a fraction of the time
 * and memory of MiniSearch's `addAll` and JSON form.
 *
 * MiniSearch's `toJSON`/`loadJS` store every posting list as an object keyed by document number;
 * for the handbook's English index (37,704 passages, 94,662 terms) parsing and rebuilding those
 * took 2.2 s + 6.8 s and about 400 MB. Here each posting list is two slices of one typed array
 * (documents ascending, as MiniSearch keeps them), restored as views over the file's bytes without
 * copying; MiniSearch's own term tree is rebuilt, so search behaves exactly as after `addAll`.
 * The subclass reaches MiniSearch's protected fields, the same ones `loadJS` fills.
 */
export class PackedSearch<T> extends MiniSearch<T> {
  #packed: Packed | undefined;

  /**
   * Indexes documents straight into the packed form: the same postings, field lengths and averages
   * as `addAll` followed by {@link pack} (the same arithmetic in the same order), without
   * MiniSearch's term tree, whose `set` scans every child of a node and took 11 s of the
   * handbook's cold build; the tree is built once, quickly, when the index is unpacked. Terms keep
   * the order of their first occurrence, the order `addAll` inserts them into its tree.
   */
  static packAll<T>(documents: readonly T[], options: Options<T>): Uint8Array {
    const { fields, idField, extractField, stringifyField, tokenize, processTerm } = new PackedSearch<T>(
      options,
    )._options;
    const fieldIds = Object.fromEntries(fields.map((f, i) => [f, i]));
    const ids = new Float64Array(documents.length);
    const lengths = new Uint32Array(documents.length * fields.length);
    const averages: number[] = [];
    /** Per term, per field (in first-seen order): documents ascending and frequencies. */
    const postings = new Map<string, Map<number, { docs: number[]; freqs: number[] }>>();
    documents.forEach((document, doc) => {
      const id = extractField(document, idField);
      if (typeof id !== 'number') throw new Error('index: only numeric document ids can be packed');
      ids[doc] = id;
      fields.forEach((field, fieldId) => {
        const value = extractField(document, field);
        if (value == null) return;
        const tokens = tokenize(stringifyField(value, field), field);
        const length = new Set(tokens).size;
        lengths[doc * fields.length + fieldId] = length;
        averages[fieldId] = ((averages[fieldId] || 0) * doc + length) / (doc + 1);
        for (const token of tokens) {
          const processed = processTerm(token, field);
          for (const term of Array.isArray(processed) ? processed : [processed]) {
            if (!term) continue;
            let data = postings.get(term);
            if (!data) {
              data = new Map();
              postings.set(term, data);
            }
            let list = data.get(fieldId);
            if (!list) {
              list = { docs: [], freqs: [] };
              data.set(fieldId, list);
            }
            const last = list.docs.length - 1;
            if (list.docs[last] === doc) list.freqs[last] = (list.freqs[last] as number) + 1;
            else {
              list.docs.push(doc);
              list.freqs.push(1);
            }
          }
        }
      });
    });
    const terms: string[] = [];
    const fieldCounts: number[] = [];
    const entryFields: number[] = [];
    const entryEnds: number[] = [];
    let total = 0;
    for (const [term, data] of postings) {
      terms.push(term);
      fieldCounts.push(data.size);
      for (const [fieldId, list] of data) {
        entryFields.push(fieldId);
        total += list.docs.length;
        entryEnds.push(total);
      }
    }
    const docs = new Uint32Array(total);
    const freqs = new Uint32Array(total);
    let at = 0;
    for (const data of postings.values()) {
      for (const list of data.values()) {
        docs.set(list.docs, at);
        freqs.set(list.freqs, at);
        at += list.docs.length;
      }
    }
    const header: Header = {
      documentCount: documents.length,
      fieldIds,
      averageFieldLength: averages,
      counts: [ids.length, lengths.length, entryEnds.length, total, terms.length],
    };
    return concatSections([
      new TextEncoder().encode(JSON.stringify(header)),
      ids,
      lengths,
      new Uint32Array(entryEnds),
      docs,
      freqs,
      new Uint8Array(fieldCounts),
      new Uint8Array(entryFields),
      new TextEncoder().encode(terms.join('\n')),
    ]);
  }

  /**
   * Restores an index written by {@link PackedSearch.pack}; `options` must be those it was built
   * with. Posting lists stay views over `bytes`.
   *
   * @throws Error `index: …` when the bytes are not a packed index
   */
  static unpack<T>(bytes: Uint8Array, options: Options<T>): PackedSearch<T> {
    const { header, ids, lengths, entryEnds, docs, freqs, fieldCounts, entryFields, termBytes } = read(bytes);
    const [idCount, , entryCount, , termCount] = header.counts;
    const terms = termCount === 0 ? [] : new TextDecoder().decode(termBytes).split('\n');
    if (terms.length !== termCount) throw new Error('index: term count disagrees');

    const search = new PackedSearch<T>(options);
    const fields = Object.keys(header.fieldIds).length;
    search._documentCount = header.documentCount;
    search._nextId = idCount;
    search._fieldIds = header.fieldIds;
    search._avgFieldLength = header.averageFieldLength;
    const documentIds = new Array<number>(idCount);
    const fieldLengths = new Array<number[]>(idCount);
    for (let shortId = 0; shortId < idCount; shortId++) {
      const id = ids[shortId] as number;
      documentIds[shortId] = id;
      search._idToShortId.set(id, shortId);
      const length = new Array<number>(fields);
      for (let f = 0; f < fields; f++) length[f] = lengths[shortId * fields + f] as number;
      fieldLengths[shortId] = length;
    }
    // Scoring looks both up for every posting: an array index is cheaper than a Map lookup.
    search._documentIds = new DenseMap(documentIds) as unknown as Map<number, unknown>;
    search._fieldLength = new DenseMap(fieldLengths) as unknown as Map<number, number[]>;
    const values: FieldTermData[] = new Array(termCount);
    let entry = 0;
    for (let t = 0; t < termCount; t++) {
      const data: FieldTermData = new Map();
      for (let n = fieldCounts[t] as number; n > 0; n--, entry++) {
        const start = entry === 0 ? 0 : (entryEnds[entry - 1] as number);
        const end = entryEnds[entry] as number;
        // MiniSearch only reads a posting list through size, keys() and get() (termResults).
        const list = new Postings(docs, freqs, start, end);
        data.set(entryFields[entry] as number, list as unknown as Map<number, number>);
      }
      values[t] = data;
    }
    if (entry !== entryCount) throw new Error('index: posting lists disagree');
    // MiniSearch's own SearchableMap over a tree built as it builds one (see radixTree).
    const Tree = search._index.constructor as new (tree: Map<string, unknown>) => typeof search._index;
    const tree = radixTree(terms, values);
    search._index = new Tree(tree);
    search.#packed = {
      index: {
        documentCount: header.documentCount,
        fieldCount: fields,
        fieldLengths: lengths,
        averageFieldLength: header.averageFieldLength,
        ids,
      },
      terms,
      values,
      tree,
    };
    return search;
  }

  /**
   * MiniSearch's `search`, with the same results (see {@link rank}).
   */
  override search(query: Query, searchOptions: SearchOptions = {}): SearchResult[] {
    const ranked = this.rank(query, searchOptions);
    if (Array.isArray(ranked)) return ranked;
    return ranked
      .slice()
      .map(({ id, score, terms, queryTerms, match }) => ({ id, score, terms, queryTerms, match }));
  }

  /**
   * The results of MiniSearch's `search` — the same documents, scores, terms and order — scored
   * over the packed postings (see `packedScorer.ts`) and ranked as they are read: reading the best
   * few of many results costs little. A result's `terms` and `match` are worked out when read.
   * Options the packed scorer does not implement (`boostDocument`, `filter`, the wildcard query,
   * a query term asked twice) are left to MiniSearch's own `search`.
   */
  rank(query: Query, searchOptions: SearchOptions = {}): RankedResults {
    const packed = this.#packed;
    const global = this._options.searchOptions;
    const terms: TermQuery[] = [];
    const root =
      packed && this._storedFields.size === 0 && { ...global, ...searchOptions }.filter == null
        ? this.#compile(query, searchOptions, terms)
        : undefined;
    if (!packed || !root) return super.search(query, searchOptions);
    packed.state ??= new ScoringState(packed.index);
    return scoreQuery(packed.index, packed.state, root, terms);
  }

  /** MiniSearch's `executeQuery` as a tree of term queries (undefined: not for the packed scorer). */
  #compile(query: Query, searchOptions: SearchOptions, terms: TermQuery[]): QueryNode | undefined {
    if (typeof query === 'symbol') return undefined;
    if (typeof query !== 'string') {
      const options = { ...searchOptions, ...query, queries: undefined };
      const children: QueryNode[] = [];
      for (const q of query.queries) {
        const child = this.#compile(q, options, terms);
        if (!child) return undefined;
        children.push(child);
      }
      return combine(children, options.combineWith);
    }
    const { tokenize, processTerm, searchOptions: global } = this._options;
    const options: SpecOptions = { tokenize, processTerm, ...global, ...searchOptions };
    const words = (options.tokenize as (text: string) => string[])(query)
      .flatMap((term) =>
        (options.processTerm as (term: string) => string | string[] | null | undefined | false)(term),
      )
      .filter((term): term is string => !!term);
    const children: QueryNode[] = [];
    for (const [i, word] of words.entries()) {
      const spec = this.#termQuery(word, i, words, options);
      if (!spec || terms.some((t) => t.term === word)) return undefined;
      children.push({ kind: 'term', query: spec, bit: terms.length });
      terms.push(spec);
    }
    return combine(children, options.combineWith);
  }

  /** MiniSearch's `executeQuerySpec` for one term, as its expansions (undefined: not packed). */
  #termQuery(term: string, i: number, words: string[], searchOptions: SpecOptions): TermQuery | undefined {
    const options = { ...this._options.searchOptions, ...searchOptions };
    if (options.boostDocument) return undefined;
    const fuzzy =
      typeof options.fuzzy === 'function' ? options.fuzzy(term, i, words) : options.fuzzy || false;
    const prefix =
      typeof options.prefix === 'function' ? options.prefix(term, i, words) : options.prefix === true;
    const termBoost = typeof options.boostTerm === 'function' ? options.boostTerm(term, i, words) : 1;
    const boost = options.boost ?? {};
    // As MiniSearch builds its boosts: the fields are then the keys of this object, in its order.
    const boosts: Record<string, number> = {};
    for (const name of options.fields || this._options.fields) {
      boosts[name] = (Object.hasOwn(boost, name) ? boost[name] : undefined) || 1;
    }
    const fields: ScoredField[] = [];
    for (const [name, value] of Object.entries(boosts)) {
      const id = this._fieldIds[name];
      if (id !== undefined) fields.push({ name, id, boost: value });
    }
    const { fuzzy: fuzzyWeight, prefix: prefixWeight } = { ...DEFAULT_WEIGHTS, ...options.weights };
    const { terms, values } = this.#packed as Packed;
    const lookup = this.#lookup();
    const expansions: Expansion[] = [];
    const add = (t: number, weight: number): boolean => {
      const derived = terms[t] as string;
      // MiniSearch would set the prototype of a match object to this term's fields: leave it that.
      if (derived === '__proto__') return false;
      // An unpacked index holds only packed posting lists (it cannot be added to).
      const fields = values[t] as unknown as ReadonlyMap<number, Postings>;
      expansions.push({ term: derived, weight, fields });
      return true;
    };
    const exact = lookup.find(term);
    if (exact >= 0 && !add(exact, 1)) return undefined;
    let fuzzyMatches: Map<number, number> | undefined;
    if (fuzzy) {
      const fraction = fuzzy === true ? 0.2 : fuzzy;
      const maxFuzzy = options.maxFuzzy as number;
      const maxDistance = fraction < 1 ? Math.min(maxFuzzy, Math.round(term.length * fraction)) : fraction;
      if (maxDistance === 1) {
        fuzzyMatches = new Map(lookup.within1(term).map(({ term: t, distance }) => [t, distance]));
      } else if (maxDistance) {
        // Rarer, wider edits: MiniSearch's own walk of the term tree.
        fuzzyMatches = new Map();
        for (const [derived, [, distance]] of this._index.fuzzyGet(term, maxDistance)) {
          fuzzyMatches.set(lookup.find(derived), distance);
        }
      }
    }
    if (prefix) {
      for (const t of lookup.completions(term)) {
        const derived = terms[t] as string;
        const distance = derived.length - term.length;
        if (!distance) continue;
        fuzzyMatches?.delete(t);
        if (!add(t, (prefixWeight * derived.length) / (derived.length + 0.3 * distance))) return undefined;
      }
    }
    for (const [t, distance] of fuzzyMatches ?? []) {
      if (!distance) continue;
      const derived = terms[t] as string;
      if (!add(t, (fuzzyWeight * derived.length) / (derived.length + distance))) return undefined;
    }
    const bm25 = options.bm25 as BM25;
    return { term, termBoost, expansions, fields, bm25 };
  }

  /** Sorted orders of the terms, made on the first search. */
  #lookup(): TermLookup {
    const packed = this.#packed as Packed;
    if (!packed.lookup) {
      const number = new Map<unknown, number>(packed.values.map((v, t) => [v, t]));
      packed.lookup = new TermLookup(packed.terms, packed.tree, (value) => number.get(value) as number);
    }
    return packed.lookup;
  }
}

/** MiniSearch's default prefix and fuzzy weights (merged under the `weights` option). */
const DEFAULT_WEIGHTS = (() => {
  class Defaults extends MiniSearch<unknown> {
    get weights() {
      return this._options.searchOptions.weights;
    }
  }
  return new Defaults({ fields: ['_'] }).weights;
})();

/** MiniSearch's `combineResults`: no parts, no results; else the operator folded over them. */
function combine(children: QueryNode[], combineWith = 'or'): QueryNode {
  if (children.length === 0) return { kind: 'or', children };
  const kind = combineWith.toLowerCase();
  if (kind !== 'or' && kind !== 'and' && kind !== 'and_not') {
    throw new Error(`Invalid combination operator: ${combineWith}`);
  }
  return children.length === 1 ? (children[0] as QueryNode) : { kind, children };
}

/**
 * The number of documents of a packed index, checking its layout (cheap: no term is decoded).
 *
 * @throws Error `index: …` when the bytes are not a packed index
 */
export function packedDocumentCount(bytes: Uint8Array): number {
  return read(bytes).header.documentCount;
}

interface Header {
  readonly documentCount: number;
  readonly fieldIds: Record<string, number>;
  readonly averageFieldLength: number[];
  /** Lengths of the sections: ids, field lengths, entries, postings, terms. */
  readonly counts: readonly [number, number, number, number, number];
}

function read(bytes: Uint8Array) {
  const sections = readSections(bytes, 'packed index');
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(sections.next())) as Header;
  } catch {
    throw new Error('index: not a packed index');
  }
  if (
    !Array.isArray(header?.counts) ||
    header.counts.length !== 5 ||
    typeof header.documentCount !== 'number'
  ) {
    throw new Error('index: not a packed index');
  }
  const [idCount, lengthCount, entryCount, postingCount, termCount] = header.counts;
  return {
    header,
    ids: sections.float64(idCount),
    lengths: sections.uint32(lengthCount),
    entryEnds: sections.uint32(entryCount),
    docs: sections.uint32(postingCount),
    freqs: sections.uint32(postingCount),
    fieldCounts: sections.next(termCount),
    entryFields: sections.next(entryCount),
    termBytes: sections.next(),
  };
}

/**
 * A read-only map from 0…n-1, as MiniSearch reads its short-id maps once nothing is added or
 * removed: has, get, size and iteration.
 */
class DenseMap<V> {
  readonly #values: readonly V[];

  constructor(values: readonly V[]) {
    this.#values = values;
  }

  get size(): number {
    return this.#values.length;
  }

  has(key: number): boolean {
    return this.#values[key] !== undefined;
  }

  get(key: number): V | undefined {
    return this.#values[key];
  }

  *[Symbol.iterator](): IterableIterator<[number, V]> {
    yield* this.#values.entries();
  }
}

/**
 * One term's documents in one field, ascending, with the term's frequency in each: a range of the
 * index's shared arrays (a typed-array view per list would cost more to create than the list).
 */
class Postings implements PostingRange {
  readonly docs: Uint32Array;
  readonly freqs: Uint32Array;
  readonly start: number;
  readonly end: number;
  /** Where the next get() probably looks: MiniSearch gets each document in keys() order. */
  #next: number;

  constructor(docs: Uint32Array, freqs: Uint32Array, start: number, end: number) {
    this.docs = docs;
    this.freqs = freqs;
    this.start = start;
    this.end = end;
    this.#next = start;
  }

  get size(): number {
    return this.end - this.start;
  }

  keys(): IterableIterator<number> {
    return this.docs.subarray(this.start, this.end).values();
  }

  get(doc: number): number | undefined {
    const docs = this.docs;
    let i = this.#next;
    if (i >= this.end || docs[i] !== doc) {
      let lo = this.start;
      let hi = this.end;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((docs[mid] as number) < doc) lo = mid + 1;
        else hi = mid;
      }
      if (lo >= this.end || docs[lo] !== doc) return undefined;
      i = lo;
    }
    this.#next = i + 1;
    return this.freqs[i];
  }
}

/**
 * MiniSearch's radix tree of the terms, exactly as inserting them in this order with
 * `SearchableMap.set` builds it (same nodes, same child order, so prefix and fuzzy expansions
 * come out in the same order). `set` finds a node's child by scanning every child, which made
 * restoring the English index take 2.1 s; here each node's children are also indexed by their
 * first character.
 */
function radixTree<T>(terms: readonly string[], values: readonly T[]): Map<string, unknown> {
  type Node = Map<string, unknown>;
  const root: Node = new Map();
  const byFirst = new Map<Node, Map<string, string>>([[root, new Map()]]);
  const childIndex = (node: Node) => byFirst.get(node) as Map<string, string>;
  const newNode = (): Node => {
    const node: Node = new Map();
    byFirst.set(node, new Map());
    return node;
  };
  terms.forEach((key, t) => {
    let node = root;
    let pos = 0;
    while (pos < key.length) {
      const index = childIndex(node);
      const first = key[pos] as string;
      const k = index.get(first);
      if (k === undefined) {
        const child = newNode();
        node.set(key.slice(pos), child);
        index.set(first, key.slice(pos));
        node = child;
        break;
      }
      const len = Math.min(key.length - pos, k.length);
      let offset = 1;
      while (offset < len && key[pos + offset] === k[offset]) ++offset;
      const child = node.get(k) as Node;
      if (offset === k.length) {
        node = child;
      } else {
        // As SearchableMap does: the shared head becomes a new child, added after the others.
        const intermediate = newNode();
        const rest = k.slice(offset);
        intermediate.set(rest, child);
        childIndex(intermediate).set(rest[0] as string, rest);
        const head = key.slice(pos, pos + offset);
        node.set(head, intermediate);
        node.delete(k);
        index.set(first, head);
        node = intermediate;
      }
      pos += offset;
    }
    node.set('', values[t]);
  });
  return root;
}
