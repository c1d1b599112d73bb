import { describe, expect, it } from 'vitest';
import { readMarkdown } from '../../../../src/core/knowledge/readers/markdown.ts';
import type { ParsedDocument } from '../../../../src/core/types.ts';

const texts = (doc: ParsedDocument): string[] => doc.blocks.map((b) => b.text);

describe('readMarkdown metadata', () => {
  it('reads title, url, date, lang and tags from frontmatter', () => {
    const doc = readMarkdown(
      '---\ntitle: "Blockchain Alliance"\nurl: https://example.com/a\ndate: 2024-03-01\nlang: de\ntags: [news, china]\n---\n# Other heading\n\nText.',
    );
    expect(doc.meta).toEqual({
      title: 'Blockchain Alliance',
      url: 'https://example.com/a',
      date: '2024-03-01',
      lang: 'de',
      tags: ['news', 'china'],
    });
  });

  it('takes the first level-1 heading as the title when frontmatter has none', () => {
    const doc = readMarkdown('Intro text.\n\n## Not this\n\n# First H1\n\n# Second H1\n\nbody');
    expect(doc.meta.title).toBe('First H1');
  });

  it('has no title without frontmatter title or level-1 heading', () => {
    expect(readMarkdown('## Only a subheading\n\nbody').meta).not.toHaveProperty('title');
  });

  it('keeps headings as blocks with their level', () => {
    const doc = readMarkdown('# Top\n\n## Section *one*\n\n### Deeper\n\ntext');
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toEqual([
      { kind: 'heading', level: 1, text: 'Top' },
      { kind: 'heading', level: 2, text: 'Section one' },
      { kind: 'heading', level: 3, text: 'Deeper' },
    ]);
  });

  it('throws a broken frontmatter error for broken YAML', () => {
    expect(() => readMarkdown('---\ntitle: [unclosed\n---\nbody')).toThrow(/^broken frontmatter: /);
  });
});

describe('readMarkdown text', () => {
  it('turns emphasis, code spans and links into plain text, keeping link text', () => {
    const doc = readMarkdown('Text with a [link](https://x.y "t") and **bold**, _em_ and `code`.');
    expect(texts(doc)).toEqual(['Text with a link and bold, em and code.']);
  });

  it('makes one paragraph per list item, ordered or not, nested too', () => {
    const doc = readMarkdown('- item one\n- item **two**\n  - nested item\n\n1. first\n2. second');
    expect(texts(doc)).toEqual(['item one', 'item two', 'nested item', 'first', 'second']);
  });

  it('makes one paragraph per table row with cells separated by a bar', () => {
    const doc = readMarkdown('| Name | Members |\n|---|---|\n| Allianz | 100 |\n| [Link](x) | 2 |');
    expect(texts(doc)).toEqual(['Name | Members', 'Allianz | 100', 'Link | 2']);
  });

  it('keeps code blocks and block quotes as plain paragraphs', () => {
    const doc = readMarkdown('```js\nconst x = 1 < 2;\n```\n\n> quoted *text*');
    expect(texts(doc)).toEqual(['const x = 1 < 2;', 'quoted text']);
  });

  it('decodes entities and drops HTML tags, keeping image alt text', () => {
    const doc = readMarkdown(
      'AT&amp;T &lt;3 <b>bold</b> line<br>break ![alt text](img.png)\n\n<div>block html</div>',
    );
    expect(texts(doc)).toEqual(['AT&T <3 bold line break alt text', 'block html']);
  });

  it('collapses whitespace and leaves out empty blocks', () => {
    const doc = readMarkdown('A   soft\nwrapped   line.\n\n\n\n---\n\n**  **');
    expect(texts(doc)).toEqual(['A soft wrapped line.']);
  });
});
