import type { Block, ParsedDocument } from '../../types.ts';
import { splitFrontmatter } from './frontmatter.ts';

const MAX_HEADING_CHARS = 100;
const MAX_HEADING_WORDS = 14;

/**
 * Reads a plain-text article. Optional frontmatter as in Markdown. The first non-empty line is the
 * title (unless frontmatter names one); it stays in the body when it reads as a sentence. Blank
 * lines separate paragraphs; a short line without closing punctuation that stands on its own is a
 * section heading; hard-wrapped lines are joined.
 */
export function readText(source: string): ParsedDocument {
  const { meta, body } = splitFrontmatter(source);
  const lines = body.split(/\r?\n/).map((l) => l.replace(/\s+/g, ' ').trim());
  const firstIndex = lines.findIndex((l) => l.length > 0);
  if (firstIndex < 0) return { meta, blocks: [] };
  const first = lines[firstIndex] as string;
  const title = meta.title ?? first;
  // A headline is only a title (also when frontmatter repeats it); a first line that is a sentence
  // is also the article's lead.
  const headline = meta.title ? first === meta.title.replace(/\s+/g, ' ').trim() : !endsSentence(first);
  const startAt = headline ? firstIndex + 1 : firstIndex;
  return { meta: { ...meta, title }, blocks: toBlocks(lines.slice(startAt)) };
}

function toBlocks(lines: readonly string[]): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
    paragraph = [];
  };
  lines.forEach((line, i) => {
    if (!line) {
      flush();
      return;
    }
    const prev = lines[i - 1] ?? '';
    const next = lines.slice(i + 1).find((l) => l.length > 0) ?? '';
    if (isHeading(line, prev, next)) {
      flush();
      blocks.push({ kind: 'heading', level: 2, text: line });
      return;
    }
    const previousEnded = paragraph.length === 0 || endsSentence(paragraph[paragraph.length - 1] as string);
    if (!previousEnded && startsLower(line)) {
      paragraph.push(line); // a hard-wrapped continuation
      return;
    }
    if (paragraph.length > 0 && (previousEnded || !startsLower(line))) flush();
    paragraph.push(line);
  });
  flush();
  return blocks;
}

function isHeading(line: string, prev: string, next: string): boolean {
  // Nothing follows, or what follows starts in lower case (it continues a hard-wrapped line).
  if (!next || startsLower(next)) return false;
  if (line.length > MAX_HEADING_CHARS || line.split(' ').length > MAX_HEADING_WORDS) return false;
  if (/[.,;:!…"“”»«„)]$/.test(line)) return false;
  if (!/^[\p{Lu}\p{N}]/u.test(line)) return false;
  // A line inside a hard-wrapped paragraph is not a heading.
  return !prev || endsSentence(prev) || prev.length <= MAX_HEADING_CHARS;
}

function endsSentence(line: string): boolean {
  return /[.!?…:;"“”»«)\]]\s*$/.test(line);
}

function startsLower(line: string): boolean {
  return /^\p{Ll}/u.test(line);
}
