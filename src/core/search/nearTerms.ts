/**
 * The index terms within one edit (Levenshtein: one substitution, insertion or deletion) of a
 * query term, found by range lookups in two sorted orders of the terms instead of a walk of the
 * whole term tree. MiniSearch's `fuzzyGet` fills a Levenshtein row for every tree node whose path
 * may still match, which for a term no index knows visited most of the tree's top levels: 11 s of
 * 56 s of `ask` over the bench questions on the handbook. Here, a term within one edit of a query
 * `q` of length n starts with q's first ⌊n/2⌋ characters (the edit is in the second half) or ends
 * with the rest (it is in the first half), so only terms in those two ranges are compared.
 *
 * Matches come in the order MiniSearch's `fuzzyGet` yields them (its depth-first walk of the term
 * tree), so that scores are summed in the same order.
 */
export class NearTerms {
  readonly #terms: readonly string[];
  /** Term numbers in code-unit order of the terms. */
  readonly #byPrefix: Uint32Array;
  /** Term numbers in code-unit order of the reversed terms. */
  readonly #bySuffix: Uint32Array;
  /** Each term's position in the order of `fuzzyGet`'s results. */
  readonly #walkRank: Uint32Array;

  /**
   * @param terms every term of the index, by term number
   * @param walkOrder term numbers in the order a depth-first walk of the term tree meets them
   */
  constructor(terms: readonly string[], walkOrder: Iterable<number>) {
    this.#terms = terms;
    const count = terms.length;
    this.#walkRank = new Uint32Array(count);
    let rank = 0;
    for (const t of walkOrder) this.#walkRank[t] = rank++;
    if (rank !== count) throw new Error('index: the term tree disagrees with the term list');
    const numbers = Uint32Array.from({ length: count }, (_, i) => i);
    this.#byPrefix = numbers.slice().sort((a, b) => compare(terms[a] as string, terms[b] as string));
    this.#bySuffix = numbers.sort((a, b) => compareReversed(terms[a] as string, terms[b] as string));
  }

  /**
   * The term numbers within one edit of `query` (itself included, at distance 0) with their
   * distance, in `fuzzyGet` order.
   */
  within1(query: string): Array<{ term: number; distance: number }> {
    const terms = this.#terms;
    const half = query.length >> 1;
    const head = query.slice(0, half);
    const tail = query.slice(half);
    const found = new Map<number, number>();
    const consider = (t: number) => {
      if (found.has(t)) return;
      const distance = editDistanceWithin1(query, terms[t] as string);
      if (distance <= 1) found.set(t, distance);
    };
    for (let i = lowerBound(this.#byPrefix, (t) => compare(terms[t] as string, head) < 0); ; i++) {
      const t = this.#byPrefix[i];
      if (t === undefined || !(terms[t] as string).startsWith(head)) break;
      consider(t);
    }
    for (let i = lowerBound(this.#bySuffix, (t) => compareReversed(terms[t] as string, tail) < 0); ; i++) {
      const t = this.#bySuffix[i];
      if (t === undefined || !(terms[t] as string).endsWith(tail)) break;
      consider(t);
    }
    const rank = this.#walkRank;
    return [...found]
      .sort(([a], [b]) => (rank[a] as number) - (rank[b] as number))
      .map(([term, distance]) => ({ term, distance }));
  }
}

/** The Levenshtein distance of two strings (UTF-16 code units, as MiniSearch counts) if ≤ 1, else 2. */
export function editDistanceWithin1(a: string, b: string): number {
  if (a === b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.length - short.length > 1) return 2;
  let i = 0;
  while (i < short.length && short.charCodeAt(i) === long.charCodeAt(i)) i++;
  // The first difference is the edit: the rest must then be equal.
  const rest = short.length === long.length ? i + 1 : i;
  for (let j = rest; j < short.length; j++) {
    if (short.charCodeAt(j) !== long.charCodeAt(j + long.length - short.length)) return 2;
  }
  return 1;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Code-unit order of the reversed strings, without reversing them. */
function compareReversed(a: string, b: string): number {
  for (let i = a.length - 1, j = b.length - 1; i >= 0 && j >= 0; i--, j--) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

/** The first position of `sorted` where `before` is false (it must be true, then false). */
function lowerBound(sorted: Uint32Array, before: (t: number) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid] as number)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
