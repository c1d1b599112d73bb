/** The first position below `length` where `before` is false (it must be true, then false). */
export function lowerBound(length: number, before: (position: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Where `term` is, or would be inserted, in ascending `sorted`. */
export function positionOf(sorted: readonly string[], term: string): number {
  return lowerBound(sorted.length, (i) => (sorted[i] as string) < term);
}
