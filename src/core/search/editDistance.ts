/**
 * Whether the Levenshtein distance between `a` and `b` is at most `max` (UTF-16 code units, like
 * MiniSearch's fuzzy matching). Returns the distance, or -1 when it is larger. Bails out as soon as
 * a whole row of the matrix exceeds `max`, so far-apart words cost little.
 */
export function boundedDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return -1;
  if (max === 1) return distanceAtMostOne(a, b);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + cost,
      );
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return -1;
    previous = current;
  }
  const distance = previous[b.length] as number;
  return distance <= max ? distance : -1;
}

/** The common case (one typo) in one pass: skip the shared prefix and compare what follows. */
function distanceAtMostOne(a: string, b: string): number {
  if (a === b) return 0;
  let i = 0;
  while (i < a.length && i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // One substitution, one extra letter in `a`, or one extra letter in `b` at position i.
  const skipA = a.length >= b.length ? 1 : 0;
  const skipB = b.length >= a.length ? 1 : 0;
  return sameRest(a, i + skipA, b, i + skipB) ? 1 : -1;
}

function sameRest(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}
