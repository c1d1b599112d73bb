import { detectArticleLanguage } from '../analysis/detectLanguage.ts';
import { normaliseLanguageTag, UNDETERMINED } from '../analysis/languages.ts';
import type { Article, SkippedFile } from '../types.ts';
import { decodeUtf8 } from './decode.ts';
import type { RawFile } from './knowledgeFiles.ts';
import { readerFor } from './readers/index.ts';

/** Parsed articles and the files that could not be used. */
export interface ParsedArticles {
  readonly articles: Article[];
  readonly skipped: SkippedFile[];
}

/**
 * Parses raw files into articles: decodes UTF-8, reads frontmatter and body, fixes the title and
 * detects the language (frontmatter `lang` wins). A file that is binary, not UTF-8, has broken
 * frontmatter or no text is skipped with the reason.
 */
export function parseArticles(files: readonly RawFile[]): ParsedArticles {
  const articles: Article[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    try {
      articles.push(parseArticle(file));
    } catch (error) {
      skipped.push({ file: file.id, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  return { articles, skipped };
}

function parseArticle(file: RawFile): Article {
  const reader = readerFor(file.id);
  if (!reader) throw new Error('not an article');
  const source = decodeUtf8(file.bytes);
  if (!source.trim()) throw new Error('empty file');
  const { meta, blocks } = reader(source);
  const text = blocks.map((b) => b.text).join('\n');
  const words = countWords(text);
  if (words === 0) throw new Error('no text');
  const declared = normaliseLanguageTag(meta.lang);
  const lang = declared !== UNDETERMINED ? declared : detectArticleLanguage(text);
  return {
    id: file.id,
    title: meta.title ?? titleFromFileName(file.id),
    ...(meta.url ? { url: meta.url } : {}),
    ...(meta.date ? { date: meta.date } : {}),
    lang,
    tags: meta.tags ?? [],
    blocks,
    words,
  };
}

/** Counts whitespace-separated words. */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

function titleFromFileName(id: string): string {
  const base = id.slice(id.lastIndexOf('/') + 1).replace(/\.[^.]+$/, '');
  return base.replace(/[-_]+/g, ' ').trim() || id;
}
