import { francAll } from 'franc-min';
import { analyzerFor } from './analyzer.ts';
import { codeFromFranc, knownLanguages, UNDETERMINED } from './languages.ts';
import { foldTerm } from './normalize.ts';
import { tokenize } from './tokenize.ts';

// Trigram detection is sure of a language long before 1,200 characters; more only costs time.
const SAMPLE_CHARS = 1200;

/** Detects the language of an article's text (ISO 639-1), or `und` when unsure. */
export function detectArticleLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  const [best] = francAll(sample, { minLength: 20 });
  if (!best || best[0] === 'und') return UNDETERMINED;
  return codeFromFranc(best[0]);
}

/**
 * Ranks the languages a question may be written in, among those present in the index. Short
 * questions defeat trigram detectors, so the strongest signal is how many of the question's words
 * are function words of a language ("wer ist der" vs "who is the"); franc breaks ties, then the
 * number of articles in each language.
 *
 * @param question the user's text
 * @param available language codes in the index with their article counts
 * @returns at most `max` codes, best first; more than one only when the evidence is ambiguous
 */
export function questionLanguages(
  question: string,
  available: ReadonlyMap<string, number>,
  max = 2,
): string[] {
  const codes = [...available.keys()];
  if (codes.length <= 1) return codes.length === 1 ? codes : [UNDETERMINED];
  const words = tokenize(question).map((t) => foldTerm(t.text));
  const franc = francScores(question, codes);
  const scored = codes.map((code) => {
    const analyzer = analyzerFor(code);
    const functionWords = words.filter((w) => analyzer.isStopword(w)).length;
    return { code, score: functionWords + 0.5 * (franc.get(code) ?? 0), articles: available.get(code) ?? 0 };
  });
  scored.sort((a, b) => b.score - a.score || b.articles - a.articles);
  const top = scored[0];
  if (!top) return [UNDETERMINED];
  // Clear winner: one language. Otherwise search the close runners-up too.
  return scored
    .filter((s) => top.score - s.score < 1)
    .slice(0, max)
    .map((s) => s.code);
}

function francScores(text: string, codes: readonly string[]): Map<string, number> {
  const only = knownLanguages.filter((l) => codes.includes(l.code)).map((l) => l.code3);
  const out = new Map<string, number>();
  if (text.length < 12 || only.length === 0) return out;
  for (const [code3, score] of francAll(text, { only, minLength: 8 })) {
    out.set(codeFromFranc(code3), score);
  }
  return out;
}

/** Words of a passage's opening read to tell its language, and the function words that settle it. */
const PASSAGE_SAMPLE_CHARS = 400;
const PASSAGE_MIN_FUNCTION_WORDS = 5;

/**
 * The language of one passage of an article: the article's, unless the passage's opening uses
 * clearly more function words of another of the `candidates` (at least five, and twice as many as
 * of the article's language) — an untranslated paragraph in a partly translated page. Counting
 * function words of a few languages is cheap enough for every passage of a large folder.
 */
export function passageLanguage(text: string, articleLang: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return articleLang;
  const words = tokenize(text.slice(0, PASSAGE_SAMPLE_CHARS)).map((t) => foldTerm(t.text));
  const count = (lang: string) => {
    const analyzer = analyzerFor(lang);
    return words.reduce((n, w) => n + (analyzer.isStopword(w) ? 1 : 0), 0);
  };
  const own = count(articleLang);
  let best = articleLang;
  let bestCount = Math.max(PASSAGE_MIN_FUNCTION_WORDS - 1, 2 * own - 1);
  for (const lang of candidates) {
    if (lang === articleLang) continue;
    const n = count(lang);
    if (n > bestCount) {
      best = lang;
      bestCount = n;
    }
  }
  return best;
}
