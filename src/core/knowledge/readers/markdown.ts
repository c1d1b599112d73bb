import { lexer, type Token, type Tokens } from 'marked';
import type { Block, ParsedDocument } from '../../types.ts';
import { splitFrontmatter } from './frontmatter.ts';

/**
 * Reads a Markdown article with optional YAML frontmatter. Headings become section headings;
 * paragraphs, list items, table rows, block quotes and code blocks become paragraphs of plain text
 * (markup removed, link text kept). The title is frontmatter `title`, else the first `#` heading.
 */
export function readMarkdown(source: string): ParsedDocument {
  const { meta, body } = splitFrontmatter(source);
  const blocks: Block[] = [];
  collect(lexer(body), blocks);
  const firstH1 = blocks.find((b) => b.kind === 'heading' && b.level === 1);
  const title = meta.title ?? firstH1?.text;
  return { meta: title ? { ...meta, title } : meta, blocks };
}

function collect(tokens: readonly Token[], out: Block[]): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const t = token as Tokens.Heading;
        push(out, { kind: 'heading', level: t.depth, text: inline(t.tokens) });
        break;
      }
      case 'paragraph':
        push(out, { kind: 'paragraph', text: inline((token as Tokens.Paragraph).tokens) });
        break;
      case 'text': {
        const t = token as Tokens.Text;
        push(out, { kind: 'paragraph', text: t.tokens ? inline(t.tokens) : t.text });
        break;
      }
      case 'code':
        push(out, { kind: 'paragraph', text: (token as Tokens.Code).text });
        break;
      case 'blockquote':
        collect((token as Tokens.Blockquote).tokens, out);
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) collectItem(item, out);
        break;
      case 'table': {
        const t = token as Tokens.Table;
        for (const row of [t.header, ...t.rows]) {
          push(out, { kind: 'paragraph', text: row.map((cell) => inline(cell.tokens)).join(' | ') });
        }
        break;
      }
      case 'html':
        push(out, { kind: 'paragraph', text: (token as Tokens.HTML).text.replace(/<[^>]*>/g, ' ') });
        break;
      default:
        break;
    }
  }
}

function collectItem(item: Tokens.ListItem, out: Block[]): void {
  // A tight item is one line of text: one paragraph. A loose item may hold several blocks.
  const start = out.length;
  collect(item.tokens, out);
  if (out.length === start && item.text.trim()) push(out, { kind: 'paragraph', text: item.text });
}

function inline(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  let text = '';
  for (const t of tokens) {
    if ('tokens' in t && Array.isArray(t.tokens) && t.tokens.length > 0) text += inline(t.tokens);
    else if (t.type === 'br') text += ' ';
    // Inline HTML tags are markup, not text; only a line break still separates words.
    else if (t.type === 'html') text += /^<br\b/i.test(t.raw) ? ' ' : '';
    else if (t.type === 'image') text += (t as Tokens.Image).text;
    else if ('text' in t && typeof t.text === 'string') text += t.text;
  }
  return decodeEntities(text);
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

// marked escapes these in token text; article text is plain, so turn them back.
function decodeEntities(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_, name: string) => entities[name] ?? _);
}

function push(out: Block[], block: Block): void {
  const text = block.text.replace(/\s+/g, ' ').trim();
  if (text) out.push({ ...block, text });
}
