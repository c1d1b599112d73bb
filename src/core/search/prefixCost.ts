/**
 * Index terms in sorted order, per frequency table (computed once, on first use; quick when the
 * table is already in term order, as built and cached).
 */
const sortedTerms = new WeakMap<ReadonlyMap<string, number>, string[]>();

/**
 * How many postings a prefix search for `term` adds: the summed passage frequencies of the index
 * terms that start with `term` and are longer. MiniSearch scores every posting of every
 * completion, so a short stem that completes to a common word ("comma" → "command") costs as
 * much as that common word itself.
 */
export function prefixCost(df: ReadonlyMap<string, number>, term: string): number {
  let terms = sortedTerms.get(df);
  if (!terms) {
    terms = [...df.keys()].sort();
    sortedTerms.set(df, terms);
  }
  let lo = 0;
  let hi = terms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((terms[mid] as string) <= term) lo = mid + 1;
    else hi = mid;
  }
  let cost = 0;
  for (let i = lo; i < terms.length; i++) {
    const t = terms[i] as string;
    if (!t.startsWith(term)) break;
    cost += df.get(t) ?? 0;
  }
  return cost;
}
