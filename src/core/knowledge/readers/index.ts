import type { ParsedDocument } from '../../types.ts';
import { readHtml } from './html.ts';
import { readMarkdown } from './markdown.ts';
import { readText } from './text.ts';

/** A reader turns a file's text into metadata and blocks. */
export type Reader = (source: string) => ParsedDocument;

const readers: Readonly<Record<string, Reader>> = {
  '.md': readMarkdown,
  '.markdown': readMarkdown,
  '.txt': readText,
  '.html': readHtml,
  '.htm': readHtml,
};

/** The file endings citebot reads as articles. */
export const ARTICLE_EXTENSIONS = Object.keys(readers);

/** The reader for a file name, by its ending (case-insensitive), or undefined. */
export function readerFor(fileName: string): Reader | undefined {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? undefined : readers[fileName.slice(dot).toLowerCase()];
}
