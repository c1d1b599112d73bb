import { type TermToken, termTokens } from '../analysis/analyzer.ts';
import { foldTerm } from '../analysis/normalize.ts';
import { type AskedFor, askedFor, holds } from '../analysis/questionKinds.ts';
import type { KnowledgeBase } from '../knowledgeBase.ts';
import { idf } from '../search/searchPassages.ts';
import { splitSentences } from '../text/sentences.ts';
import type { Mark, Passage, Snippet } from '../types.ts';

/** Limits for a snippet, and what it should answer. */
export interface SnippetOptions {
  readonly maxChars: number;
  readonly maxSentences: number;
  /** The question, to prefer sentences holding what it asks for (a number, a date, a name). */
  readonly question?: string;
  /** The passage's analysed tokens, when the search already made them. */
  readonly tokens?: readonly TermToken[];
}

interface ScoredSentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly score: number;
  readonly marks: readonly Mark[];
}

const K1 = 1.2;
const B = 0.75;
const AVG_SENTENCE_WORDS = 22;
/** A matching sentence that holds what the question asks for (a number for "how many") counts this much more. */
const ASKED_FOR_BONUS = 2;

/**
 * Picks the sentences of a passage that answer the question, scored like the Lucene unified
 * highlighter (BM25 per sentence over the matched terms, length-normalised, a small bonus for
 * early sentences), with a bonus for sentences holding what the question asks for. When the best
 * sentence only introduces its subject (it ends in ':' or the next sentence refers back to it:
 * "He …", "Die Plattform …"), the next sentence comes with it. Sentences stay in reading order;
 * '…' stands where sentences were skipped. Matched words are returned as marks.
 *
 * @param terms the index terms to look for (matched terms plus the question's own terms)
 */
export function makeSnippet(
  kb: KnowledgeBase,
  passage: Passage,
  terms: ReadonlySet<string>,
  options: SnippetOptions,
): Snippet {
  return scoredSnippet(kb, passage, terms, options).snippet;
}

/** {@link makeSnippet}, with the score of its best sentence (to compare passages of one article). */
export function scoredSnippet(
  kb: KnowledgeBase,
  passage: Passage,
  terms: ReadonlySet<string>,
  options: SnippetOptions,
): { snippet: Snippet; score: number } {
  const kind = options.question === undefined ? undefined : askedFor(options.question, passage.lang);
  const sentences = scoreSentences(kb, passage, terms, kind, options.tokens);
  const ranked = [...sentences].sort((a, b) => b.score - a.score);
  const first = ranked[0];
  if (!first) return { snippet: { text: '', marks: [] }, score: 0 };
  const chosen = [first];
  const length = (list: readonly ScoredSentence[]) => list.reduce((n, c) => n + c.end - c.start + 3, 0);
  const next = sentences[first.index + 1];
  const previous = sentences[first.index - 1];
  if (next && introduces(passage.text, first, next, terms) && length([first, next]) <= options.maxChars) {
    chosen.push(next);
  } else if (previous && refersBack(passage.text, first) && length([previous, first]) <= options.maxChars) {
    // "He said …" needs the sentence that says who he is.
    chosen.push(previous);
  }
  for (const s of ranked.slice(1)) {
    if (chosen.length >= options.maxSentences || s.score <= 0) break;
    if (!chosen.includes(s) && length([...chosen, s]) <= options.maxChars) chosen.push(s);
  }
  chosen.sort((a, b) => a.start - b.start);
  return { snippet: joinChosen(passage.text, chosen, options.maxChars), score: first.score };
}

function scoreSentences(
  kb: KnowledgeBase,
  passage: Passage,
  terms: ReadonlySet<string>,
  kind: AskedFor | undefined,
  known: readonly TermToken[] | undefined,
): ScoredSentence[] {
  const tokens = known ?? termTokens(passage.text, passage.lang);
  const ranges = splitSentences(passage.text, passage.lang);
  let at = 0;
  return ranges.map((range, index) => {
    const tf = new Map<string, number>();
    const marks: Mark[] = [];
    let words = 0;
    while (at < tokens.length && (tokens[at] as TermToken).start < range.start) at++;
    for (; at < tokens.length && (tokens[at] as TermToken).end <= range.end; at++) {
      const t = tokens[at] as TermToken;
      words++;
      if (!terms.has(t.term)) continue;
      tf.set(t.term, (tf.get(t.term) ?? 0) + 1);
      marks.push({ start: t.start, end: t.end });
    }
    const norm = K1 * (1 - B + (B * Math.max(1, words)) / AVG_SENTENCE_WORDS);
    let score = 0;
    for (const [term, f] of tf) score += (idf(kb, term) * (f * (K1 + 1))) / (f + norm);
    if (kind && score > 0 && holds(passage.text.slice(range.start, range.end), kind))
      score *= ASKED_FOR_BONUS;
    return { index, start: range.start, end: range.end, score: score * (1 + 0.1 / (index + 1)), marks };
  });
}

/** Words that open a sentence about what the sentence before introduced. */
const REFERRING = new Set(
  [
    ...['he', 'she', 'it', 'they', 'this', 'these', 'its', 'their', 'his', 'her'],
    ...['er', 'sie', 'es', 'dies', 'diese', 'dieser', 'dieses', 'sein', 'seine', 'ihr', 'ihre'],
    ...['il', 'elle', 'ils', 'elles', 'ce', 'cette', 'ces', 'el', 'ella', 'ellos', 'este', 'esta', 'estos'],
  ].map(foldTerm),
);
/** Articles before a noun that may name again what the sentence before introduced ("Die Plattform"). */
const DETERMINERS = new Set(
  ['the', 'der', 'die', 'das', 'le', 'la', 'les', 'el', 'los', 'las', 'il', 'lo', 'o', 'a', 'de', 'het'].map(
    foldTerm,
  ),
);

/** The first one or two words of a sentence, folded. */
function opening(text: string, s: ScoredSentence): string[] {
  const words = text.slice(s.start, s.end).match(/^\p{L}+(?:\s+\p{L}+)?/u)?.[0] ?? '';
  return words.split(/\s+/).filter(Boolean).map(foldTerm);
}

/** Whether a sentence opens with a pronoun that refers to the sentence before ("He said …"). */
function refersBack(text: string, s: ScoredSentence): boolean {
  return REFERRING.has(opening(text, s)[0] ?? '');
}

/**
 * Whether `first` only introduces its subject and `next` says what it is or does: `first` ends
 * in ':', or `next` opens with a pronoun, or with an article and a noun `first` named but the
 * question did not ask about (alone or as the end of a compound: "… einer Blockchain-Plattform …
 * „Yu Express Chain“. Die Plattform basiert auf …").
 */
function introduces(
  text: string,
  first: ScoredSentence,
  next: ScoredSentence,
  terms: ReadonlySet<string>,
): boolean {
  const sentence = text.slice(first.start, first.end);
  if (/:\s*$/.test(sentence)) return true;
  if (refersBack(text, next)) return true;
  const [word, noun] = opening(text, next);
  if (word === undefined || !DETERMINERS.has(word) || noun === undefined || noun.length < 4) return false;
  if (terms.has(noun) || [...terms].some((t) => t.length >= 4 && noun.startsWith(t))) return false;
  return new RegExp(`${noun}\\b`, 'u').test(foldTerm(sentence));
}

/**
 * Joins the chosen sentences in reading order, with '…' where sentences between them were
 * skipped, cutting a window around the marks when they are too long.
 */
function joinChosen(text: string, chosen: readonly ScoredSentence[], maxChars: number): Snippet {
  let out = '';
  const marks: Mark[] = [];
  let previous: ScoredSentence | undefined;
  for (const s of chosen) {
    if (previous) out += s.index === previous.index + 1 ? ' ' : ' … ';
    const shift = out.length - s.start;
    // Readers collapse whitespace inside paragraphs; passages join paragraphs with one newline.
    // Replacing it one-for-one keeps every offset valid.
    out += text.slice(s.start, s.end).replace(/\s/g, ' ');
    for (const m of s.marks) marks.push({ start: m.start + shift, end: m.end + shift });
    previous = s;
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
