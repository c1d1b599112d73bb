/**
 * Character n-grams of index terms: German glues words into compounds and derives nouns from verbs
 * (Kalibrierung / kalibrieren, Brailleschrift / Braille … Schrift), which whole terms miss and
 * overlapping pieces of words still match (McNamee and Mayfield's CLEF runs: n-grams beat stems for
 * German). A term of `n` characters or fewer is its own n-gram.
 */
export function charGrams(terms: Iterable<string>, n: number): string[] {
  const out: string[] = [];
  for (const term of terms) {
    if (term.length <= n) {
      if (term) out.push(term);
      continue;
    }
    for (let i = 0; i + n <= term.length; i++) out.push(term.slice(i, i + n));
  }
  return out;
}
