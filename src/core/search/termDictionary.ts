import { boundedDistance } from './editDistance.ts';

/**
 * The sorted list of every index term, with the lookups a query needs: a term's id (its rank in
 * sorted order), the range of terms that start with a prefix, and the terms within a small edit
 * distance. Ids are dense, so postings and frequencies live in typed arrays indexed by them.
 */
export class TermDictionary {
  /** Every term, sorted by UTF-16 code units (`<`). */
  readonly terms: readonly string[];
  readonly #ids: Map<string, number>;
  /** Term ids sorted by the term without its first character: finds typos in the first letter. */
  readonly #bySuffix: Int32Array;

  /** @param terms sorted, unique terms (see {@link TermDictionary.sort}) */
  constructor(terms: readonly string[], bySuffix?: Int32Array) {
    this.terms = terms;
    this.#ids = new Map(terms.map((t, i) => [t, i]));
    this.#bySuffix = bySuffix ?? suffixOrder(terms);
    if (this.#bySuffix.length !== terms.length) throw new Error('term dictionary: suffix order length');
  }

  /** Sorts and de-duplicates terms into dictionary order. */
  static sort(terms: Iterable<string>): string[] {
    return [...new Set(terms)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  }

  get size(): number {
    return this.terms.length;
  }

  /** The suffix order, for saving (restored through the constructor). */
  get suffixOrder(): Int32Array {
    return this.#bySuffix;
  }

  id(term: string): number | undefined {
    return this.#ids.get(term);
  }

  /** Ids `[from, to)` of the terms that start with `prefix` (the term itself included). */
  prefixRange(prefix: string): [number, number] {
    const { terms } = this;
    const from = firstTrue(terms.length, (i) => (terms[i] as string) >= prefix);
    const to = firstTrue(terms.length, (i) => {
      const t = terms[i] as string;
      return t > prefix && !t.startsWith(prefix);
    });
    return [from, Math.max(from, to)];
  }

  /**
   * Ids of the terms within `max` edits (Levenshtein, like MiniSearch's fuzzy search) of `term`,
   * with their distance; the term itself is included at distance 0 when it is in the dictionary.
   * For one edit, only terms sharing the first letter are scanned; an edit at the first letter is
   * found through the suffix order and an exact lookup instead of a scan of the whole dictionary.
   */
  fuzzy(term: string, max: number): Map<number, number> {
    const found = new Map<number, number>();
    const consider = (id: number) => {
      if (found.has(id)) return;
      const d = boundedDistance(term, this.terms[id] as string, max);
      if (d >= 0) found.set(id, d);
    };
    if (max <= 0 || term.length === 0) {
      const id = this.id(term);
      if (id !== undefined) found.set(id, 0);
      return found;
    }
    if (max > 1) {
      for (let id = 0; id < this.terms.length; id++) consider(id);
      return found;
    }
    const [from, to] = this.prefixRange(term.charAt(0));
    for (let id = from; id < to; id++) {
      if (Math.abs((this.terms[id] as string).length - term.length) <= 1) consider(id);
    }
    const rest = term.slice(1);
    // First letter replaced (t = x + rest) or one letter put in front (t = x + term)…
    for (const suffix of [rest, term]) for (const id of this.#withSuffix(suffix)) consider(id);
    // …or the first letter dropped (t = rest).
    const dropped = this.id(rest);
    if (dropped !== undefined) consider(dropped);
    return found;
  }

  /** Ids of the terms `x + suffix` for any first character x. */
  #withSuffix(suffix: string): number[] {
    const order = this.#bySuffix;
    const tail = (k: number) => (this.terms[order[k] as number] as string).slice(1);
    const from = firstTrue(order.length, (k) => tail(k) >= suffix);
    const out: number[] = [];
    for (let k = from; k < order.length && tail(k) === suffix; k++) out.push(order[k] as number);
    return out;
  }
}

/** The smallest i in [0, n) for which `test` holds (n when none), for a test false-then-true. */
function firstTrue(n: number, test: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function suffixOrder(terms: readonly string[]): Int32Array {
  const tails = terms.map((t) => t.slice(1));
  const ids = Array.from(terms, (_, i) => i);
  ids.sort((a, b) => {
    const x = tails[a] as string;
    const y = tails[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  return Int32Array.from(ids);
}
