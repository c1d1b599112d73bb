import { termTokens } from '../analysis/analyzer.ts';
import type { KnowledgeBase } from '../knowledgeBase.ts';
import { idf } from '../search/searchPassages.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Mark, Passage, Snippet } from '../types.ts';

/** Limits for a snippet. */
export interface SnippetOptions {
  readonly maxChars: number;
  readonly maxSentences: number;
  /** The question, to prefer sentences holding what it asks for (a number, a date, a name). */
  readonly question?: string;
}

interface ScoredSentence {
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly marks: readonly Mark[];
}

const K1 = 1.2;
const B = 0.75;
const AVG_SENTENCE_WORDS = 22;

/**
 * Picks the 1–2 sentences of a passage that best match the question, scored like the Lucene
 * unified highlighter: BM25 per sentence over the matched terms, length-normalised, with a small
 * bonus for sentences early in the passage. Matched words are returned as marks.
 *
 * @param terms the index terms to look for (matched terms plus the question's own terms)
 */
export function makeSnippet(
  kb: KnowledgeBase,
  passage: Passage,
  terms: ReadonlySet<string>,
  options: SnippetOptions,
): Snippet {
  const sentences = scoreSentences(kb, passage, terms);
  const ranked = [...sentences].sort((a, b) => b.score - a.score);
  const first = ranked[0];
  if (!first) return { text: '', marks: [] };
  const chosen = [first];
  for (const s of ranked.slice(1)) {
    if (chosen.length >= options.maxSentences || s.score <= 0) break;
    const length = chosen.reduce((n, c) => n + c.end - c.start + 1, 0) + s.end - s.start;
    if (length <= options.maxChars) chosen.push(s);
  }
  chosen.sort((a, b) => a.start - b.start);
  return joinChosen(passage.text, chosen, options.maxChars);
}

function scoreSentences(kb: KnowledgeBase, passage: Passage, terms: ReadonlySet<string>): ScoredSentence[] {
  const out: ScoredSentence[] = [];
  const ranges = splitSentences(passage.text, passage.lang);
  ranges.forEach((range, i) => {
    const sentence = passage.text.slice(range.start, range.end);
    const tokens = termTokens(sentence, passage.lang);
    const tf = new Map<string, number>();
    const marks: Mark[] = [];
    for (const t of tokens) {
      if (!terms.has(t.term)) continue;
      tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
      marks.push({ start: range.start + t.start, end: range.start + t.end });
    }
    const norm = K1 * (1 - B + (B * Math.max(1, tokens.length)) / AVG_SENTENCE_WORDS);
    let score = 0;
    for (const [term, f] of tf) score += (idf(kb, term) * (f * (K1 + 1))) / (f + norm);
    out.push({ start: range.start, end: range.end, score: score * (1 + 0.1 / (i + 1)), marks });
  });
  return out;
}

/** Joins the chosen sentences, cutting a window around the marks when they are too long. */
function joinChosen(text: string, chosen: readonly ScoredSentence[], maxChars: number): Snippet {
  let out = '';
  const marks: Mark[] = [];
  for (const s of chosen) {
    if (out) out += ' ';
    const shift = out.length - s.start;
    // Readers collapse whitespace inside paragraphs; passages join paragraphs with one newline.
    // Replacing it one-for-one keeps every offset valid.
    out += text.slice(s.start, s.end).replace(/\s/g, ' ');
    for (const m of s.marks) marks.push({ start: m.start + shift, end: m.end + shift });
  }
  if (out.length <= maxChars) return { text: out, marks: clean(marks, out.length) };
  return window(out, marks, maxChars);
}

function window(text: string, marks: readonly Mark[], maxChars: number): Snippet {
  const budget = maxChars - 2; // room for the ellipses
  const anchor = marks[0]?.start ?? 0;
  let start = Math.max(0, Math.min(anchor - Math.floor(budget / 4), text.length - budget));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < anchor ? space + 1 : start;
  }
  let end = Math.min(text.length, start + budget);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  const prefix = start > 0 ? '…' : '';
  const suffix = end < text.length ? '…' : '';
  const body = text.slice(start, end).trim();
  const shift = prefix.length - start;
  const kept = marks
    .filter((m) => m.start >= start && m.end <= end)
    .map((m) => ({ start: m.start + shift, end: m.end + shift }));
  const out = prefix + body + suffix;
  return { text: out, marks: clean(kept, out.length) };
}

function clean(marks: readonly Mark[], length: number): Mark[] {
  const sorted = marks
    .filter((m) => m.start >= 0 && m.end <= length && m.start < m.end)
    .sort((a, b) => a.start - b.start);
  const out: Mark[] = [];
  for (const m of sorted) {
    const last = out[out.length - 1];
    if (!last || m.start >= last.end) out.push(m);
  }
  return out;
}
