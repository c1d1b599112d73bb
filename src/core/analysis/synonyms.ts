import { foldTerm } from './normalize.ts';

/**
 * Groups of equivalent terms, applied at question time: a question containing one term of a group
 * also searches for the others. Terms are kept folded but unanalysed, so that each search language
 * can stem them its own way.
 */
export interface Synonyms {
  /** The other members of the groups `word` belongs to (folded), or an empty list. */
  of(word: string): readonly string[];
  readonly groups: number;
}

/** No synonyms. */
export const noSynonyms: Synonyms = { of: () => [], groups: 0 };

/**
 * Parses a synonyms file: one group per line, terms separated by commas (`alliance, Allianz`);
 * blank lines and lines starting with `#` are ignored. Multi-word terms are allowed.
 */
export function parseSynonyms(text: string): Synonyms {
  const map = new Map<string, Set<string>>();
  let groups = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const terms = [
      ...new Set(
        line
          .split(',')
          .map((t) => foldTerm(t.trim()))
          .filter(Boolean),
      ),
    ];
    if (terms.length < 2) continue;
    groups++;
    for (const t of terms) {
      const set = map.get(t) ?? new Set<string>();
      for (const other of terms) if (other !== t) set.add(other);
      map.set(t, set);
    }
  }
  return { of: (word) => [...(map.get(foldTerm(word)) ?? [])], groups };
}
