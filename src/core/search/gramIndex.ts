import { charGrams } from '../analysis/charGrams.ts';
import { concatSections, readSections } from './byteSections.ts';
import { positionOf } from './positionOf.ts';

/**
 * An inverted index of character n-grams (see `charGrams`) over one language's articles, packed
 * into bytes and searched straight from them. As a MiniSearch field the n-grams of the handbook's
 * 26 languages cost 220 MB once every language was unpacked (a term-tree node and a posting object
 * per n-gram); here each language holds its sorted n-grams as strings and views over the bytes.
 *
 * Scoring is MiniSearch's BM25+ per n-gram (the field length counts distinct n-grams), summed, but
 * without MiniSearch's final factor of the number of query terms matched: with some 30 n-grams to a
 * question that factor squared the score (GNOME hit@1 0.754 with it, 0.765 without; FAQ 0.626 /
 * 0.643, at the weights best for each).
 */
export class GramIndex {
  readonly #ids: Uint32Array;
  readonly #lengths: Uint32Array;
  readonly #ends: Uint32Array;
  readonly #docs: Uint32Array;
  readonly #freqs: Uint32Array;
  readonly #averageLength: number;
  readonly #bytes: Uint8Array;
  #terms: readonly string[] | undefined;

  private constructor(bytes: Uint8Array) {
    const s = readSections(bytes, 'packed n-gram index');
    const counts = s.next(5 * 4);
    const [docCount, termCount, postingCount, averageMilli, termBytes] = new Uint32Array(
      counts.buffer,
      counts.byteOffset,
      5,
    ) as unknown as [number, number, number, number, number];
    this.#ids = s.uint32(docCount);
    this.#lengths = s.uint32(docCount);
    this.#ends = s.uint32(termCount);
    this.#docs = s.uint32(postingCount);
    this.#freqs = s.uint32(postingCount);
    this.#bytes = s.next(termBytes);
    this.#averageLength = averageMilli / 1000;
  }

  /**
   * An index packed by {@link GramIndexBuilder.pack}; its n-grams are decoded on first search.
   *
   * @throws Error `index: …` when the bytes are not a packed n-gram index
   */
  static fromBytes(bytes: Uint8Array): GramIndex {
    return new GramIndex(bytes);
  }

  /** Number of documents indexed. */
  get documentCount(): number {
    return this.#ids.length;
  }

  /** Documents matching any of `grams` (each counted once), best first, as `{ id, score }`. */
  search(grams: Iterable<string>, bm25: { readonly k: number; readonly b: number; readonly d: number }) {
    this.#terms ??= this.#bytes.length === 0 ? [] : new TextDecoder().decode(this.#bytes).split('\n');
    const terms = this.#terms;
    const n = this.#ids.length;
    const scores = new Float64Array(n);
    const matched = new Uint32Array(n);
    const { k, b, d } = bm25;
    for (const gram of new Set(grams)) {
      const t = positionOf(terms, gram);
      if (terms[t] !== gram) continue;
      const start = t === 0 ? 0 : (this.#ends[t - 1] as number);
      const end = this.#ends[t] as number;
      const idf = Math.log(1 + (n - (end - start) + 0.5) / (end - start + 0.5));
      for (let i = start; i < end; i++) {
        const doc = this.#docs[i] as number;
        const tf = this.#freqs[i] as number;
        const norm = 1 - b + (b * (this.#lengths[doc] as number)) / (this.#averageLength || 1);
        scores[doc] = (scores[doc] as number) + idf * (d + (tf * (k + 1)) / (tf + k * norm));
        matched[doc] = (matched[doc] as number) + 1;
      }
    }
    const out: Array<{ id: number; score: number }> = [];
    for (let doc = 0; doc < n; doc++) {
      const m = matched[doc] as number;
      if (m > 0) out.push({ id: this.#ids[doc] as number, score: scores[doc] as number });
    }
    return out.sort((x, y) => y.score - x.score);
  }
}

/**
 * Collects documents' n-grams for a {@link GramIndex}. N-grams are numbered as they first occur and
 * each distinct term is cut once, so a document costs a counter per n-gram occurrence, not a map
 * lookup (the handbook's 26 languages: 3.5 million postings).
 */
export class GramIndexBuilder {
  readonly #n: number;
  readonly #number = new Map<string, number>();
  readonly #grams: string[] = [];
  readonly #termGrams = new Map<string, readonly number[]>();
  readonly #ids: number[] = [];
  readonly #lengths: number[] = [];
  readonly #postingGrams: number[] = [];
  readonly #postingFreqs: number[] = [];
  #counts = new Uint32Array(1024);

  /** A builder of `n`-grams (see `charGrams`). */
  constructor(n: number) {
    this.#n = n;
  }

  /** Adds a document (`id` a non-negative integer) by its terms and their frequencies. */
  add(id: number, terms: ReadonlyMap<string, number>): void {
    const touched: number[] = [];
    for (const [term, tf] of terms) {
      for (const g of this.#gramsOf(term)) {
        if (this.#counts[g] === 0) touched.push(g);
        this.#counts[g] = (this.#counts[g] as number) + tf;
      }
    }
    this.#ids.push(id);
    this.#lengths.push(touched.length);
    // Grouped by document, in the order documents are added: the packed lists come out ascending.
    this.#postingGrams.push(-1);
    this.#postingFreqs.push(touched.length);
    for (const g of touched) {
      this.#postingGrams.push(g);
      this.#postingFreqs.push(this.#counts[g] as number);
      this.#counts[g] = 0;
    }
  }

  /** The packed index of every document added. */
  pack(): Uint8Array {
    const gramCount = this.#grams.length;
    const order = [...this.#grams.keys()].sort((a, b) => {
      const x = this.#grams[a] as string;
      const y = this.#grams[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    const rank = new Uint32Array(gramCount);
    order.forEach((g, i) => {
      rank[g] = i;
    });
    const ends = new Uint32Array(gramCount);
    for (const g of this.#postingGrams) {
      if (g < 0) continue;
      const r = rank[g] as number;
      ends[r] = (ends[r] as number) + 1;
    }
    let total = 0;
    for (let i = 0; i < gramCount; i++) {
      total += ends[i] as number;
      ends[i] = total;
    }
    const fill = new Uint32Array(gramCount);
    for (let i = 1; i < gramCount; i++) fill[i] = ends[i - 1] as number;
    const docs = new Uint32Array(total);
    const freqs = new Uint32Array(total);
    let doc = -1;
    this.#postingGrams.forEach((g, i) => {
      if (g < 0) {
        doc++;
        return;
      }
      const r = rank[g] as number;
      const at = fill[r] as number;
      fill[r] = at + 1;
      docs[at] = doc;
      freqs[at] = this.#postingFreqs[i] as number;
    });
    const lengths = new Uint32Array(this.#lengths);
    const average = lengths.reduce((sum, x) => sum + x, 0) / Math.max(1, lengths.length);
    const text = new TextEncoder().encode(order.map((g) => this.#grams[g]).join('\n'));
    const counts = new Uint32Array([
      lengths.length,
      gramCount,
      total,
      Math.round(average * 1000),
      text.length,
    ]);
    return concatSections([counts, new Uint32Array(this.#ids), lengths, ends, docs, freqs, text]);
  }

  #gramsOf(term: string): readonly number[] {
    let numbers = this.#termGrams.get(term);
    if (numbers) return numbers;
    numbers = charGrams([term], this.#n).map((g) => {
      let k = this.#number.get(g);
      if (k === undefined) {
        k = this.#grams.length;
        this.#number.set(g, k);
        this.#grams.push(g);
        if (k >= this.#counts.length) {
          const grown = new Uint32Array(this.#counts.length * 2);
          grown.set(this.#counts);
          this.#counts = grown;
        }
      }
      return k;
    });
    this.#termGrams.set(term, numbers);
    return numbers;
  }
}
