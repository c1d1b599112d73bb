import { knownLanguages, languageSupport } from './languages.ts';
import { foldTerm } from './normalize.ts';
import { scanTokens, type Token } from './tokenize.ts';

/** Turns words of one language into index terms. */
export interface Analyzer {
  readonly lang: string;
  /** The index term for one word, or undefined for a stopword or noise. */
  term(word: string): string | undefined;
  /** The index terms of a text, in order (stopwords dropped). */
  terms(text: string): string[];
  /** Whether a folded word is a stopword or question word of this language. */
  isStopword(folded: string): boolean;
}

const MAX_TERM_LENGTH = 40;

/**
 * The tables that decide how terms are made (each language's stopwords, question words and
 * whether it is stemmed, and the longest term), as one string: the host hashes it into the index
 * cache key, so editing a table invalidates the cache without a version bumped by hand. (A change
 * to the term rules' code changes the serialised format instead.)
 */
export const ANALYSIS_TABLES: string = JSON.stringify({
  maxTermLength: MAX_TERM_LENGTH,
  languages: knownLanguages.map((l) => [
    l.code,
    l.stem ? 'stemmed' : 'unstemmed',
    l.stopwords,
    l.questionWords ?? [],
    l.extraStopwords ?? [],
  ]),
});
const cache = new Map<string, Analyzer>();

/** The analyzer for a language code (cached). Unknown languages fold but do not stem. */
export function analyzerFor(lang: string): Analyzer {
  let analyzer = cache.get(lang);
  if (!analyzer) {
    analyzer = createAnalyzer(lang);
    cache.set(lang, analyzer);
  }
  return analyzer;
}

/**
 * Drops every analyzer's memo of analysed words. Indexing fills them with the whole vocabulary;
 * afterwards only questions use them, so the memory is better returned.
 */
export function forgetAnalyzedWords(): void {
  cache.clear();
}

function createAnalyzer(lang: string): Analyzer {
  const support = languageSupport(lang);
  const stop = new Set(
    [...support.stopwords, ...(support.questionWords ?? []), ...(support.extraStopwords ?? [])].map(foldTerm),
  );
  const stem = support.stem;
  // Snowball stemming dominates indexing time; the vocabulary is Zipfian, so memoise per word.
  // null for a word without a term (a stopword): one lookup per word, not a get and a has.
  const memo = new Map<string, string | null>();

  const term = (word: string): string | undefined => {
    const hit = memo.get(word);
    if (hit !== undefined) return hit ?? undefined;
    const folded = stripPossessive(foldTerm(word));
    let result: string | undefined;
    if (folded.length > 0 && folded.length <= MAX_TERM_LENGTH && !stop.has(folded)) {
      if (isNumber(folded)) result = folded.replace(/[.,]/g, '');
      // Acronyms (DNS, NFS, LTS) are names: stemming would cut their last letter in one language
      // only; their plural ("APIs", "URLs") is the acronym.
      else if (isAcronym(word)) result = /s$/.test(word) ? folded.slice(0, -1) : folded;
      else if (stem && isStemmable(folded)) result = fold(stem(folded));
      else result = folded;
    }
    if (memo.size < 200_000) memo.set(word, result ?? null);
    return result;
  };

  return {
    lang,
    term,
    terms(text: string): string[] {
      const out: string[] = [];
      scanTokens(text, (token) => {
        const t = term(token);
        if (t) out.push(t);
      });
      return out;
    },
    isStopword: (folded) => stop.has(folded),
  };
}

// "Canonical's" is "Canonical": stemmers treat the possessive inconsistently.
function stripPossessive(s: string): string {
  return s.length > 3 && /['’]s$/.test(s) ? s.slice(0, -2) : s;
}

function isAcronym(word: string): boolean {
  return word.length >= 2 && word.length <= 6 && /^\p{Lu}+s?$/u.test(word) && /^\p{Lu}{2}/u.test(word);
}

function isNumber(s: string): boolean {
  return /^\p{N}+(?:[.,]\p{N}+)*$/u.test(s);
}

// Stemmers mangle identifiers and short words; only stem plain alphabetic words of 3+ letters.
function isStemmable(s: string): boolean {
  return s.length > 2 && /^[\p{L}\p{M}'’]+$/u.test(s);
}

// Some stemmers re-introduce characters folding removed (e.g. apostrophes); fold their output too.
function fold(s: string): string {
  return s.replace(/['’]/g, '');
}

/** A word of a text with its index term. */
export type TermToken = Token & { readonly term: string };

/** Tokens of a text paired with their index term in the given language (for highlighting). */
export function termTokens(text: string, lang: string): TermToken[] {
  const analyzer = analyzerFor(lang);
  const out: TermToken[] = [];
  scanTokens(text, (token, start, end) => {
    const term = analyzer.term(token);
    if (term) out.push({ text: token, start, end, term });
  });
  return out;
}
