/**
 * Exact, prefix and one-edit lookups of an index's terms by range in sorted orders of the terms,
 * answering as MiniSearch's term tree does (`get`, `atPrefix`, `fuzzyGet(term, 1)`) and in the
 * order it does, so that scores are summed in the same order.
 *
 * MiniSearch's `fuzzyGet` fills a Levenshtein row for every tree node whose path may still match,
 * which for a term no index knows visited most of the tree's top levels: 11 s of 56 s of `ask` over
 * the bench questions on the handbook. A term within one edit of a query `q` of length n starts
 * with q's first ⌊n/2⌋ characters (the edit is in the second half) or ends with the rest (it is in
 * the first half), so only the terms of those two ranges are compared. `atPrefix` walks the
 * subtree with an iterator that copies every node's keys; here the completions are one range.
 */
export class TermLookup {
  readonly #terms: readonly string[];
  /** Term numbers in code-unit order of the terms. */
  readonly #byPrefix: Uint32Array;
  /** Each term's position in the order of a forward walk of the term tree (`fuzzyGet`'s order). */
  readonly #walkRank: Uint32Array;
  /** Term numbers in code-unit order of the reversed terms (for one-edit lookups; made when first needed). */
  #bySuffix: Uint32Array | undefined;

  /**
   * @param terms every term of the index, by term number
   * @param tree MiniSearch's term tree: nodes are Maps from key parts to child nodes, `''` to a value
   * @param numberOf the term number of a value of the tree
   */
  constructor(terms: readonly string[], tree: Map<string, unknown>, numberOf: (value: unknown) => number) {
    this.#terms = terms;
    const count = terms.length;
    this.#walkRank = new Uint32Array(count);
    this.#byPrefix = new Uint32Array(count);
    let walked = 0;
    let sorted = 0;
    const walk = (node: Map<string, unknown>) => {
      for (const [key, child] of node) {
        if (key === '') this.#walkRank[numberOf(child)] = walked++;
        else walk(child as Map<string, unknown>);
      }
    };
    // Siblings differ in their first code unit, and '' (a term ending here) sorts first.
    const inOrder = (node: Map<string, unknown>) => {
      const keys = [...node.keys()].sort((a, b) =>
        a === '' ? -1 : b === '' ? 1 : a.charCodeAt(0) - b.charCodeAt(0),
      );
      for (const key of keys) {
        const child = node.get(key);
        if (key === '') this.#byPrefix[sorted++] = numberOf(child);
        else inOrder(child as Map<string, unknown>);
      }
    };
    walk(tree);
    inOrder(tree);
    if (walked !== count || sorted !== count)
      throw new Error('index: the term tree disagrees with the term list');
  }

  /** The term number of `term`, or -1. */
  find(term: string): number {
    const terms = this.#terms;
    const i = lowerBound(this.#byPrefix, (t) => (terms[t] as string) < term);
    const t = this.#byPrefix[i];
    return t !== undefined && terms[t] === term ? t : -1;
  }

  /**
   * The term numbers of the terms starting with `prefix` (itself included), in the order
   * MiniSearch's `atPrefix(prefix)` iterates them: a walk of the tree visiting each node's keys
   * last first, the forward walk's order reversed.
   */
  completions(prefix: string): number[] {
    const terms = this.#terms;
    const found: number[] = [];
    for (let i = lowerBound(this.#byPrefix, (t) => (terms[t] as string) < prefix); ; i++) {
      const t = this.#byPrefix[i];
      if (t === undefined || !(terms[t] as string).startsWith(prefix)) break;
      found.push(t);
    }
    const rank = this.#walkRank;
    return found.sort((a, b) => (rank[b] as number) - (rank[a] as number));
  }

  /**
   * The term numbers within one edit of `query` (itself included, at distance 0) with their
   * distance, in `fuzzyGet` order.
   */
  within1(query: string): Array<{ term: number; distance: number }> {
    const terms = this.#terms;
    this.#bySuffix ??= Uint32Array.from(this.#byPrefix).sort((a, b) =>
      compareReversed(terms[a] as string, terms[b] as string),
    );
    const half = query.length >> 1;
    const head = query.slice(0, half);
    const tail = query.slice(half);
    const found = new Map<number, number>();
    const consider = (t: number) => {
      if (found.has(t)) return;
      const distance = editDistanceWithin1(query, terms[t] as string);
      if (distance <= 1) found.set(t, distance);
    };
    for (let i = lowerBound(this.#byPrefix, (t) => (terms[t] as string) < head); ; i++) {
      const t = this.#byPrefix[i];
      if (t === undefined || !(terms[t] as string).startsWith(head)) break;
      consider(t);
    }
    const bySuffix = this.#bySuffix;
    for (let i = lowerBound(bySuffix, (t) => compareReversed(terms[t] as string, tail) < 0); ; i++) {
      const t = bySuffix[i];
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
