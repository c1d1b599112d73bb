import { Parser } from 'htmlparser2';
import { normaliseLanguageTag, UNDETERMINED } from '../../analysis/languages.ts';
import type { ArticleMeta, Block, ParsedDocument } from '../../types.ts';

/** Elements whose whole content is never article text: code, chrome, widgets and embedded media. */
const DROPPED_ELEMENTS: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'iframe',
  'object',
  'canvas',
  'audio',
  'video',
]);

const DROPPED_ROLES: ReadonlySet<string> = new Set(['navigation', 'banner', 'contentinfo', 'complementary']);

/**
 * Class names and ids that mark navigation on pages written before `<nav>` existed — DocBook output
 * such as the Debian Handbook uses `div#banner`, `ul.docnav` and `div.toc`. Matched as whole tokens.
 */
const DROPPED_CLASS_OR_ID =
  /(?:^|\s)(?:nav|navbar|navigation|docnav|breadcrumbs?|banner|menu|toc|skip-link|site-header|site-footer|footer)(?:\s|$)/i;

/** Elements that end the running paragraph where they open and where they close. */
const BLOCK_ELEMENTS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
]);

/** Elements that separate words without ending the paragraph: a table row stays one paragraph. */
const SPACING_ELEMENTS: ReadonlySet<string> = new Set(['br', 'td', 'th']);

const HEADING_LEVEL: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/**
 * Whitespace runs other than a lone space. Same result as `/\s+/g → ' '` but about 3× faster on
 * real pages, because the single spaces between words are not matched and rewritten.
 */
const WHITESPACE_TO_COLLAPSE = / ?[^\S ]\s*| {2,}\s*/g;

function collapse(text: string): string {
  return text.replace(WHITESPACE_TO_COLLAPSE, ' ').trim();
}

// The one rule for language tags (as for frontmatter `lang`); an unusable tag declares nothing.
function declaredLanguage(tag: string | undefined): string | undefined {
  const code = normaliseLanguageTag(tag);
  return code === UNDETERMINED ? undefined : code;
}

function isDropped(name: string, attribs: Readonly<Record<string, string>>): boolean {
  if (DROPPED_ELEMENTS.has(name)) return true;
  if (attribs.hidden !== undefined || attribs['aria-hidden'] === 'true') return true;
  const role = attribs.role;
  if (role !== undefined && DROPPED_ROLES.has(role.trim().toLowerCase())) return true;
  const { class: className, id } = attribs;
  return (
    (className !== undefined && DROPPED_CLASS_OR_ID.test(className)) ||
    (id !== undefined && DROPPED_CLASS_OR_ID.test(id))
  );
}

function isMainElement(name: string, attribs: Readonly<Record<string, string>>): boolean {
  return name === 'main' || name === 'article' || attribs.role?.trim().toLowerCase() === 'main';
}

/**
 * Reads an HTML page into its main text: the title, language and canonical URL as metadata, and
 * headings and paragraphs as blocks. Page chrome (scripts, navigation, header, footer, asides,
 * forms, hidden elements) is dropped; when the page has a `<main>`, `<article>` or `role="main"`
 * element with text, only the first such element is kept.
 *
 * One streaming pass over the text, so it stays linear on large pages. Never throws: htmlparser2
 * recovers from any malformed markup.
 */
export function readHtml(text: string): ParsedDocument {
  /** Blocks of the whole page outside dropped elements. */
  const pageBlocks: Block[] = [];
  /** Blocks of the first main element; each is also in `pageBlocks`. */
  const mainBlocks: Block[] = [];

  let depth = 0;
  /** Depth of the dropped element being skipped, or -1. */
  let dropDepth = -1;
  /** Depth of the first main element while inside it, -1 before it, and -2 once it has closed. */
  let mainDepth = -1;
  let headingLevel = 0;
  let headingDepth = -1;
  let buffer = '';

  let titleText: string | undefined;
  let inTitle = false;
  /** Only the first `<title>` counts; later ones (a stray one in the body) are ignored entirely. */
  let titleSeen = false;
  let firstH1: string | undefined;
  let lang: string | undefined;
  let url: string | undefined;

  const emit = (block: Block): void => {
    pageBlocks.push(block);
    if (mainDepth >= 0) mainBlocks.push(block);
  };

  const flushParagraph = (): void => {
    if (buffer === '') return;
    const paragraph = collapse(buffer);
    buffer = '';
    if (paragraph !== '') emit({ kind: 'paragraph', text: paragraph });
  };

  /** Ends the running paragraph at a block boundary; inside a heading, which is one line, only spaces. */
  const separate = (name: string): void => {
    const block = BLOCK_ELEMENTS.has(name);
    if (!block && !SPACING_ELEMENTS.has(name)) return;
    if (block && headingLevel === 0) flushParagraph();
    else buffer += ' ';
  };

  const parser = new Parser(
    {
      onopentag(name, attribs) {
        depth++;
        if (dropDepth >= 0) return;
        if (name === 'title') {
          inTitle = true;
          return;
        }
        if (name === 'link') {
          const href = attribs.href?.trim();
          if (
            url === undefined &&
            href !== undefined &&
            /(?:^|\s)canonical(?:\s|$)/i.test(attribs.rel ?? '') &&
            /^https?:\/\/\S+$/i.test(href)
          ) {
            url = href;
          }
          return;
        }
        if (name === 'html') lang = declaredLanguage(attribs.lang ?? attribs['xml:lang']);
        separate(name);
        if (isDropped(name, attribs)) {
          dropDepth = depth;
          return;
        }
        if (headingLevel > 0) return;
        const level = HEADING_LEVEL[name];
        if (level !== undefined) {
          headingLevel = level;
          headingDepth = depth;
        } else if (mainDepth === -1 && isMainElement(name, attribs)) {
          mainDepth = depth;
        }
      },

      ontext(data) {
        if (dropDepth >= 0) return;
        if (!inTitle) buffer += data;
        else if (!titleSeen) titleText = (titleText ?? '') + data;
      },

      onclosetag(name) {
        const closing = depth;
        depth--;
        if (dropDepth >= 0) {
          // `<=` keeps the reader in step even if the parser closed an element it never reported open.
          if (closing <= dropDepth) dropDepth = -1;
          return;
        }
        if (name === 'title') {
          inTitle = false;
          titleSeen = true;
          return;
        }
        if (headingLevel > 0 && closing <= headingDepth) {
          const heading = collapse(buffer);
          buffer = '';
          if (heading !== '') {
            emit({ kind: 'heading', level: headingLevel, text: heading });
            if (headingLevel === 1) firstH1 ??= heading;
          }
          headingLevel = 0;
          headingDepth = -1;
        } else {
          separate(name);
        }
        if (mainDepth >= 0 && closing <= mainDepth) mainDepth = -2;
      },
    },
    { decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.end(text);
  flushParagraph();

  const title = titleText === undefined ? undefined : collapse(titleText);
  const meta: { -readonly [K in keyof ArticleMeta]: ArticleMeta[K] } = {};
  const finalTitle = title !== undefined && title !== '' ? title : firstH1;
  if (finalTitle !== undefined) meta.title = finalTitle;
  if (lang !== undefined) meta.lang = lang;
  if (url !== undefined) meta.url = url;

  const blocks = mainBlocks.length > 0 ? mainBlocks : pageBlocks;
  return { meta, blocks: withoutTitleParagraph(blocks, finalTitle) };
}

/** Drops the first paragraph when it only repeats the title (pages often print it above the text). */
function withoutTitleParagraph(blocks: Block[], title: string | undefined): Block[] {
  if (title === undefined) return blocks;
  const first = blocks.findIndex((block) => block.kind === 'paragraph');
  if (first === -1 || blocks[first]?.text !== title) return blocks;
  return blocks.filter((_, index) => index !== first);
}
