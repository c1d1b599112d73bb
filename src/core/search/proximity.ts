/**
 * Counts how many pairs of different matched terms stand close together (within `window` terms)
 * somewhere in a passage, given its analysed terms in order. Questions name things in a few words
 * ("garbage collection"); a passage where those words stand together talks about that thing, not
 * about each word apart.
 */
export function proximityPairs(
  terms: readonly string[],
  matched: ReadonlySet<string>,
  window: number,
): number {
  if (matched.size < 2) return 0;
  const pairs = new Set<string>();
  const recent: Array<{ term: string; at: number }> = [];
  terms.forEach((term, at) => {
    if (!matched.has(term)) return;
    while (recent.length > 0 && at - (recent[0]?.at ?? at) > window) recent.shift();
    for (const r of recent)
      if (r.term !== term) pairs.add(r.term < term ? `${r.term}\0${term}` : `${term}\0${r.term}`);
    recent.push({ term, at });
  });
  return pairs.size;
}
