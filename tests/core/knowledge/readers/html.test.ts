import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseLanguageTag } from '../../../../src/core/analysis/languages.ts';
import { readHtml } from '../../../../src/core/knowledge/readers/html.ts';
import type { ParsedDocument } from '../../../../src/core/types.ts';

const fixture = (name: string): string =>
  readFileSync(new URL(`../../../fixtures/html/${name}`, import.meta.url), 'utf8');

const paragraphs = (doc: ParsedDocument): string[] =>
  doc.blocks.filter((block) => block.kind === 'paragraph').map((block) => block.text);

const headings = (doc: ParsedDocument): Array<[number, string]> =>
  doc.blocks.flatMap((block) =>
    block.kind === 'heading' ? [[block.level, block.text] as [number, string]] : [],
  );

const allText = (doc: ParsedDocument): string => doc.blocks.map((block) => block.text).join('\n');

const page = (body: string, head = '<title>Page</title>'): string =>
  `<!DOCTYPE html><html><head>${head}</head><body>${body}</body></html>`;

describe('readHtml metadata', () => {
  it('takes the title from <title>, trimmed and with whitespace collapsed', () => {
    const doc = readHtml(page('<p>Text</p>', '<title>\n  Blockchain &amp;\n\t Alliance  </title>'));
    expect(doc.meta.title).toBe('Blockchain & Alliance');
  });

  it('falls back to the first h1 when there is no title or it is blank', () => {
    const body = '<h2>Intro</h2><h1>First <em>big</em> heading</h1><h1>Second</h1>';
    expect(readHtml(page(body, '')).meta.title).toBe('First big heading');
    expect(readHtml(page(body, '<title>  </title>')).meta.title).toBe('First big heading');
  });

  it('has no title when neither a title nor an h1 exists', () => {
    expect(readHtml(page('<p>Text</p>', '')).meta).not.toHaveProperty('title');
  });

  it('uses only the first <title> and keeps later ones out of the text', () => {
    const doc = readHtml(page('<p>Body</p><title>Stray</title>', '<title>First</title>'));
    expect(doc.meta.title).toBe('First');
    expect(allText(doc)).toBe('Body');
  });

  it('ignores an svg <title> inside the body', () => {
    expect(readHtml(page('<svg><title>Icon</title></svg><h1>Real</h1>', '')).meta.title).toBe('Real');
  });

  it('reduces <html lang> to its lower-case ISO 639-1 primary subtag', () => {
    expect(readHtml('<html lang="de-DE"><p>x</p></html>').meta.lang).toBe('de');
    expect(readHtml('<html lang="EN_us"><p>x</p></html>').meta.lang).toBe('en');
    expect(readHtml('<html xml:lang="fr"><p>x</p></html>').meta.lang).toBe('fr');
  });

  it('leaves lang out when it is missing or not a two-letter code', () => {
    expect(readHtml('<html><p>x</p></html>').meta).not.toHaveProperty('lang');
    expect(readHtml('<html lang="und"><p>x</p></html>').meta).not.toHaveProperty('lang');
    expect(readHtml('<html lang="x-klingon"><p>x</p></html>').meta).not.toHaveProperty('lang');
    expect(readHtml('<html lang=""><p>x</p></html>').meta).not.toHaveProperty('lang');
  });

  it('reads <html lang> by the same rule as a frontmatter lang (three-letter codes too)', () => {
    for (const tag of ['fil-PH', 'haw', 'de-DE', 'x-klingon', 'und']) {
      const declared = normaliseLanguageTag(tag);
      const meta = readHtml(`<html lang="${tag}"><p>x</p></html>`).meta;
      expect(meta.lang ?? 'und', tag).toBe(declared);
    }
  });

  it('takes an absolute http(s) canonical link as the url', () => {
    const head = '<title>T</title><link rel="canonical" href=" https://example.org/a?b=1&amp;c=2 ">';
    expect(readHtml(page('<p>x</p>', head)).meta.url).toBe('https://example.org/a?b=1&c=2');
  });

  it('ignores relative and non-http canonical links and other link relations', () => {
    for (const link of [
      '<link rel="canonical" href="/a.html">',
      '<link rel="canonical" href="ftp://example.org/a">',
      '<link rel="alternate" href="https://example.org/en">',
    ]) {
      expect(readHtml(page('<p>x</p>', `<title>T</title>${link}`)).meta).not.toHaveProperty('url');
    }
  });

  it('ignores <meta name="description"> entirely', () => {
    const doc = readHtml(
      page('<p>Body text.</p>', '<title>T</title><meta name="description" content="Summary">'),
    );
    expect(doc.meta).toEqual({ title: 'T' });
    expect(allText(doc)).not.toContain('Summary');
  });
});

describe('readHtml main text', () => {
  it.each([
    'script',
    'style',
    'noscript',
    'template',
    'svg',
    'nav',
    'header',
    'footer',
    'aside',
    'form',
    'button',
    'iframe',
  ])('drops everything inside <%s>', (tag) => {
    const doc = readHtml(page(`<p>Before</p><${tag}><p>DROPPED <b>text</b></p></${tag}><p>After</p>`));
    expect(paragraphs(doc)).toEqual(['Before', 'After']);
  });

  it.each([
    '<div role="navigation">',
    '<div role="banner">',
    '<div role="contentinfo">',
    '<div hidden>',
    '<div aria-hidden="true">',
    '<div class="breadcrumb">',
    '<div id="toc">',
  ])('drops elements such as %s', (open) => {
    const doc = readHtml(page(`<p>Before</p>${open}<p>DROPPED</p><span>x</span></div><p>After</p>`));
    expect(paragraphs(doc)).toEqual(['Before', 'After']);
  });

  it('keeps elements whose class merely contains a navigation word', () => {
    const doc = readHtml(page('<div class="menuitem guimenu"><p>Kept</p></div>'));
    expect(paragraphs(doc)).toEqual(['Kept']);
  });

  it('keeps only the first <main> when the page has one', () => {
    const doc = readHtml(page('<p>Site intro</p><main><h2>Inside</h2><p>Body</p></main><p>Outro</p>'));
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Inside' },
      { kind: 'paragraph', text: 'Body' },
    ]);
  });

  it('treats <article> and role="main" like <main>, taking the first one', () => {
    expect(
      paragraphs(readHtml(page('<p>Chrome</p><article><p>One</p></article><article><p>Two</p></article>'))),
    ).toEqual(['One']);
    expect(paragraphs(readHtml(page('<p>Chrome</p><div role="main"><p>Main</p></div>')))).toEqual(['Main']);
  });

  it('keeps articles nested inside the main element', () => {
    const doc = readHtml(page('<main><article><p>One</p></article><article><p>Two</p></article></main>'));
    expect(paragraphs(doc)).toEqual(['One', 'Two']);
  });

  it('falls back to the whole body when the main element has no text', () => {
    const doc = readHtml(page('<main><script>x()</script>  </main><p>Body text</p>'));
    expect(paragraphs(doc)).toEqual(['Body text']);
  });

  it('ignores a main element inside dropped chrome', () => {
    const doc = readHtml(page('<aside><article><p>Teaser</p></article></aside><p>Body</p>'));
    expect(paragraphs(doc)).toEqual(['Body']);
  });
});

describe('readHtml blocks', () => {
  it('turns h1–h6 into heading blocks with their level', () => {
    const body = [1, 2, 3, 4, 5, 6].map((n) => `<h${n}>Level ${n}</h${n}>`).join('');
    expect(headings(readHtml(page(body)))).toEqual([1, 2, 3, 4, 5, 6].map((n) => [n, `Level ${n}`]));
  });

  it('reads a heading with inline and block markup as one line', () => {
    const doc = readHtml(page('<h2><a id="x"></a>6.2. <code>apt</code> <div>Commands</div></h2>'));
    expect(doc.blocks).toEqual([{ kind: 'heading', level: 2, text: '6.2. apt Commands' }]);
  });

  it('drops hidden anchors and buttons inside a heading', () => {
    const doc = readHtml(page('<h2>Install <a aria-hidden="true" href="#i">#</a><button>Copy</button></h2>'));
    expect(headings(doc)).toEqual([[2, 'Install']]);
  });

  it('ends a paragraph at every block-level element', () => {
    const body =
      '<p>One</p><ul><li>Two</li><li>Three<ul><li>Four</li></ul></li></ul><dl><dt>Five</dt><dd>Six</dd></dl>' +
      '<blockquote>Seven</blockquote><figure><img src="a.png"><figcaption>Eight</figcaption></figure>';
    expect(paragraphs(readHtml(page(body)))).toEqual([
      'One',
      'Two',
      'Three',
      'Four',
      'Five',
      'Six',
      'Seven',
      'Eight',
    ]);
  });

  it('joins inline elements without breaking or spacing the text', () => {
    const doc = readHtml(page('<p>Run <code>apt</code>-<em>get</em> <a href="#">now</a><span>!</span></p>'));
    expect(paragraphs(doc)).toEqual(['Run apt-get now!']);
  });

  it('reads <br> inside a paragraph as a space', () => {
    expect(paragraphs(readHtml(page('<p>First line<br>second line<br/>third</p>')))).toEqual([
      'First line second line third',
    ]);
  });

  it('makes each table row one paragraph with its cells separated by spaces', () => {
    const body = '<table><tr><th>Name</th><th>Size</th></tr><tr><td>apt</td><td>1&nbsp;MB</td></tr></table>';
    expect(paragraphs(readHtml(page(body)))).toEqual(['Name Size', 'apt 1 MB']);
  });

  it('splits a div with direct text from its block children', () => {
    expect(paragraphs(readHtml(page('<div>Direct text<p>Child</p>tail</div>')))).toEqual([
      'Direct text',
      'Child',
      'tail',
    ]);
  });

  it('keeps <pre> as one paragraph with whitespace collapsed', () => {
    const doc = readHtml(page('<p>Run:</p><pre>$ apt update\n$ apt   install <b>vim</b>\n</pre>'));
    expect(paragraphs(doc)).toEqual(['Run:', '$ apt update $ apt install vim']);
  });

  it('decodes entities and collapses whitespace, including non-breaking spaces', () => {
    const doc = readHtml(page('<p>\n\tFish&nbsp;&amp;\u00a0chips &lt;3 &#8212; caf&eacute;  </p>'));
    expect(paragraphs(doc)).toEqual(['Fish & chips <3 — café']);
  });

  it('drops blocks with no text', () => {
    expect(readHtml(page('<p> </p><div>\n</div><p><img src="x"></p><h2> </h2><p>Kept</p>')).blocks).toEqual([
      { kind: 'paragraph', text: 'Kept' },
    ]);
  });

  it('drops a first paragraph that only repeats the title, but keeps an h1 that does', () => {
    const doc = readHtml(
      page('<p class="site">My Page</p><h1>My Page</h1><p>My Page</p><p>Body</p>', '<title>My Page</title>'),
    );
    expect(doc.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'My Page' },
      { kind: 'paragraph', text: 'My Page' },
      { kind: 'paragraph', text: 'Body' },
    ]);
  });

  it('reads markup without html, head or body elements', () => {
    expect(readHtml('<h1>Hi</h1>plain text<p>para')).toEqual({
      meta: { title: 'Hi' },
      blocks: [
        { kind: 'heading', level: 1, text: 'Hi' },
        { kind: 'paragraph', text: 'plain text' },
        { kind: 'paragraph', text: 'para' },
      ],
    });
  });

  it('never throws and always yields trimmed, collapsed, non-empty blocks', () => {
    const markup = fc.constantFrom(
      '<p>',
      '</p>',
      '<div hidden>',
      '</div>',
      '<main>',
      '</main>',
      '<h2>',
      '</h2>',
      '<script>',
      '</script>',
      '<br/>',
      '<td>',
      '<title>',
      '&amp;',
      '&#0;',
      '<!--',
      '-->',
      '<',
      '>',
      ' ',
      '\n',
      'word',
    );
    const input = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.array(fc.oneof(markup, fc.string()), { maxLength: 40 }).map((parts) => parts.join('')),
    );
    fc.assert(
      fc.property(input, (html) => {
        const doc = readHtml(html);
        for (const block of doc.blocks) {
          expect(block.text).not.toBe('');
          expect(block.text).toBe(block.text.replace(/\s+/g, ' ').trim());
        }
        if (doc.meta.title !== undefined)
          expect(doc.meta.title).toBe(doc.meta.title.replace(/\s+/g, ' ').trim());
      }),
      { numRuns: 500 },
    );
  });
});

describe('readHtml on Debian Handbook pages', () => {
  const chrome = ['Download the ebook', 'Prev', 'Next', 'Product Site', 'Documentation Site'];

  it('reads the English apt-get section without banner or navigation', () => {
    const doc = readHtml(fixture('handbook-en-apt-get.html'));
    expect(doc.meta).toEqual({
      title: '6.2. aptitude, apt-get, and apt Commands',
      url: 'https://debian-handbook.info/browse/stable/sect.apt-get.html',
    });
    expect(headings(doc)).toEqual([
      [2, '6.2. aptitude, apt-get, and apt Commands'],
      [3, '6.2.1. Initialization'],
    ]);
    const text = paragraphs(doc);
    expect(text[0]).toMatch(/^APT is a vast project, whose original plans included a graphical interface\./);
    expect(text).toContain('TIP Incremental updates');
    expect(text).toContain('$ sudo apt -o "Acquire::PDiffs=false" update');
    for (const word of chrome) expect(text).not.toContain(word);
    expect(allText(doc)).not.toMatch(/Download the ebook|The Debian Administrator's Handbook/);
  });

  it('reads the German APT chapter without its table of contents', () => {
    const doc = readHtml(fixture('handbook-de-apt.html'));
    expect(doc.meta.title).toBe('Kapitel 6. Wartung und Aktualisierung: Die APT-Tools');
    expect(headings(doc)).toEqual([
      [1, 'Kapitel 6. Wartung und Aktualisierung: Die APT-Tools'],
      [2, '6.1. Befüllen der sources.list Datei'],
      [3, '6.1.1. Syntax'],
    ]);
    const text = paragraphs(doc);
    expect(text[0]).toMatch(/^Dass Debian bei Administratoren so beliebt ist/);
    expect(text).toContain('Das erste Feld bezeichnet die Art der Quelle:');
    // The table of contents lists later sections ("6.2. aptitude, apt-get und apt Befehle"); none may leak.
    expect(allText(doc)).not.toMatch(/6\.2\.|6\.3\.|Download the ebook|Zurück|Weiter/);
    for (const word of chrome) expect(text).not.toContain(word);
  });
});
