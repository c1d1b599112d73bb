import { splitSentences } from '../text/sentences.ts';
import type { Article, Passage } from '../types.ts';
import { countWords } from './parseArticles.ts';

/** Passage size bounds, in words. */
export interface ChunkOptions {
  /** Paragraphs under one heading are merged until a passage has at least this many words. */
  readonly minWords: number;
  /** A passage grows no larger than this, unless a single sentence is longer. */
  readonly maxWords: number;
}

/**
 * Splits an article into passages on paragraph and heading boundaries. Paragraphs under the same
 * heading are merged up to `maxWords`; a paragraph longer than that is cut between sentences, never
 * inside one. A heading always starts a new passage, so every passage has one heading path. No
 * word is lost and no passage is empty.
 *
 * @param firstId the id of the first passage; ids are dense from there
 */
export function chunkArticle(article: Article, firstId: number, options: ChunkOptions): Passage[] {
  const passages: Passage[] = [];
  const path: Array<{ level: number; text: string }> = [];
  let parts: string[] = [];
  let words = 0;

  const emit = () => {
    if (parts.length === 0) return;
    passages.push({
      id: firstId + passages.length,
      articleId: article.id,
      headings: path.map((h) => h.text),
      position: passages.length,
      text: parts.join('\n'),
      lang: article.lang,
    });
    parts = [];
    words = 0;
  };

  for (const block of article.blocks) {
    if (block.kind === 'heading') {
      emit();
      while (path.length > 0 && (path[path.length - 1]?.level ?? 0) >= block.level) path.pop();
      // The title is shown with every passage already; a heading repeating it adds nothing.
      if (block.level > 1 || block.text !== article.title)
        path.push({ level: block.level, text: block.text });
      continue;
    }
    for (const piece of splitLong(block.text, article.lang, options.maxWords)) {
      const n = countWords(piece);
      if (n === 0) continue; // a blank block must not become (part of) a passage
      if (words > 0 && (words + n > options.maxWords || words >= options.minWords)) emit();
      parts.push(piece);
      words += n;
    }
  }
  emit();
  // A heading with no text under it yields nothing; an article with only headings keeps them.
  if (passages.length === 0 && path.length > 0) {
    passages.push({
      id: firstId,
      articleId: article.id,
      headings: [],
      position: 0,
      text: path.map((h) => h.text).join('\n'),
      lang: article.lang,
    });
  }
  return passages;
}

/** Cuts a paragraph longer than `maxWords` into runs of whole sentences. */
function splitLong(text: string, lang: string, maxWords: number): string[] {
  if (countWords(text) <= maxWords) return [text];
  const pieces: string[] = [];
  let current = '';
  let words = 0;
  for (const range of splitSentences(text, lang)) {
    const sentence = text.slice(range.start, range.end);
    const n = countWords(sentence);
    if (words > 0 && words + n > maxWords) {
      pieces.push(current);
      current = '';
      words = 0;
    }
    current = current ? `${current} ${sentence}` : sentence;
    words += n;
  }
  if (current) pieces.push(current);
  return pieces;
}
