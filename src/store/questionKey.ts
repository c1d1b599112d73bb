/**
 * A question folded so wordings that differ only in case, accents, punctuation, spacing or word
 * order share one key (`How do I reset?` = `reset, how do i`): groups `/kb gaps`, and stops one
 * alias being proposed twice.
 */
export function questionKey(question: string): string {
  return question
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '')
    .sort()
    .join(' ');
}
