import { foldTerm } from '../analysis/normalize.ts';
import { tokenize } from '../analysis/tokenize.ts';
import type { KnowledgeBase } from '../knowledgeBase.ts';
import { positionOf } from '../search/positionOf.ts';
import type { Suggestion } from '../types.ts';

/** A prepared list of titles and headings to complete from, with a word → entries map. */
export interface SuggestIndex {
  readonly entries: readonly SuggestEntry[];
  /** Sorted unique folded words, for prefix ranges. */
  readonly words: readonly string[];
  readonly postings: ReadonlyMap<string, readonly number[]>;
}

interface SuggestEntry {
  readonly text: string;
  /** Article id when the entry is an article title. */
  readonly articleId?: string;
  /** Whether another article has the same title (then the id is shown too). */
  readonly duplicate?: boolean;
}

const MAX_WORDS_PER_PREFIX = 64;

/** Builds the completion lists from article titles and passage headings. */
export function buildSuggestIndex(kb: KnowledgeBase): SuggestIndex {
  const entries: SuggestEntry[] = [];
  const titleCount = new Map<string, number>();
  for (const a of kb.articles.values()) titleCount.set(a.title, (titleCount.get(a.title) ?? 0) + 1);
  for (const a of kb.articles.values()) {
    entries.push({ text: a.title, articleId: a.id, duplicate: (titleCount.get(a.title) ?? 0) > 1 });
  }
  const seen = new Set(titleCount.keys());
  for (const p of kb.passages) {
    for (const h of p.headings) {
      if (!seen.has(h)) {
        seen.add(h);
        entries.push({ text: h });
      }
    }
  }
  const postings = new Map<string, number[]>();
  entries.forEach((e, i) => {
    for (const w of new Set(tokenize(e.text).map((t) => foldTerm(t.text)))) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  return { entries, words: [...postings.keys()].sort(), postings };
}

/**
 * Autocomplete. For `article`, titles whose words start with the typed words (value = article id).
 * For `question`, the typed text itself first (so free text always works), then titles and
 * headings that match. Names and values are whole (a front end fits them to its own limits, as
 * Discord's 100 characters); never throws.
 */
export function suggest(
  si: SuggestIndex,
  kind: 'question' | 'article',
  partial: string,
  limit: number,
): Suggestion[] {
  const max = Math.max(0, Math.min(25, limit));
  const typed = partial.replace(/\s+/g, ' ').trim();
  const out: Suggestion[] = [];
  const seen = new Set<string>();
  const add = (name: string, value: string) => {
    const n = wellFormed(name);
    const v = wellFormed(value);
    if (!n || !v || seen.has(v) || out.length >= max) return;
    seen.add(v);
    out.push({ name: n, value: v });
  };
  if (kind === 'question' && typed) add(typed, typed);
  for (const i of matching(si, typed)) {
    const e = si.entries[i];
    if (!e) continue;
    if (kind === 'article') {
      if (!e.articleId) continue;
      add(e.duplicate ? `${e.text} · ${e.articleId}` : e.text, e.articleId);
    } else {
      add(e.text, e.text);
    }
    if (out.length >= max) break;
  }
  return out;
}

function matching(si: SuggestIndex, typed: string): number[] {
  const words = tokenize(typed).map((t) => foldTerm(t.text));
  if (words.length === 0) return si.entries.map((_, i) => i);
  let result: Set<number> | undefined;
  for (const w of words) {
    const ids = new Set<number>();
    for (const word of wordsWithPrefix(si.words, w))
      for (const id of si.postings.get(word) ?? []) ids.add(id);
    result = result ? new Set([...result].filter((id) => ids.has(id))) : ids;
    if (result.size === 0) return [];
  }
  // Titles before headings, then shorter first.
  return [...(result ?? [])].sort((a, b) => {
    const ea = si.entries[a];
    const eb = si.entries[b];
    return Number(!ea?.articleId) - Number(!eb?.articleId) || (ea?.text.length ?? 0) - (eb?.text.length ?? 0);
  });
}

function wordsWithPrefix(words: readonly string[], prefix: string): string[] {
  const lo = positionOf(words, prefix);
  const out: string[] = [];
  for (let i = lo; i < words.length && out.length < MAX_WORDS_PER_PREFIX; i++) {
    const w = words[i] as string;
    if (!w.startsWith(prefix)) break;
    out.push(w);
  }
  return out;
}

// Text with half a character cannot be written as UTF-8 (JSON, Discord): lone halves are dropped.
function wellFormed(s: string): string {
  return s.replace(/\p{Cs}/gu, '').trim();
}
