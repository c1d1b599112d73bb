const latinMarks = /(\p{Script=Latin})\p{Mn}+/gu;

/**
 * Folds a term for matching: Unicode NFKC, lower case, no diacritics on Latin letters, `ß` → `ss`.
 * `Fachkräfte` and `fachkrafte` fold alike. Marks on other scripts are kept because there they carry
 * meaning (Devanagari vowel signs, Japanese dakuten).
 */
export function foldTerm(term: string): string {
  const lower = term.normalize('NFKC').toLowerCase();
  // Pure ASCII is by far the most common case: skip the decomposition.
  if (!/[^\p{ASCII}]/u.test(lower)) return lower;
  return lower.normalize('NFD').replace(latinMarks, '$1').normalize('NFC').replace(/ß/g, 'ss');
}
