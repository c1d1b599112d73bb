/**
 * Where `term` is, or would be inserted, in ascending `sorted` (a binary search). A plain loop
 * with no callback: it runs for every n-gram and term lookup, where a shared predicate call
 * site would turn megamorphic.
 */
export function positionOf(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as string) < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
