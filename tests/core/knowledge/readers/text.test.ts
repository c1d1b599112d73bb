import { describe, expect, it } from 'vitest';
import { readText } from '../../../../src/core/knowledge/readers/text.ts';
import type { Block, ParsedDocument } from '../../../../src/core/types.ts';

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
const heading = (text: string): Block => ({ kind: 'heading', level: 2, text });
const texts = (doc: ParsedDocument): string[] => doc.blocks.map((b) => b.text);

describe('readText titles', () => {
  it('takes the first non-empty line as the title, trimmed and with whitespace collapsed', () => {
    const doc = readText('\n\n   China  rolls\tout a centre  \n\nThe centre opened today.');
    expect(doc.meta.title).toBe('China rolls out a centre');
  });

  it('keeps a headline title out of the body', () => {
    const doc = readText('Große Unternehmen siedeln sich an\n\nMehr als 100 Unternehmen sind dabei.');
    expect(doc.blocks).toEqual([paragraph('Mehr als 100 Unternehmen sind dabei.')]);
  });

  it('keeps a first line that is a sentence in the body as the lead, and still uses it as the title', () => {
    const first = 'Laut ChinaNews hat China am 14. April eine Allianz begrüßt .';
    const doc = readText(`${first}\nGroße Unternehmen siedeln sich an\nMehr als 100 Unternehmen sind dabei.`);
    expect(doc.meta.title).toBe(first);
    expect(doc.blocks[0]).toEqual(paragraph(first));
  });

  it('prefers the frontmatter title, and then keeps the first line in the body', () => {
    const doc = readText('---\ntitle: From frontmatter\nlang: de\n---\nFirst line\n\nSome text here.');
    expect(doc.meta).toEqual({ title: 'From frontmatter', lang: 'de' });
    expect(texts(doc)).toEqual(['First line', 'Some text here.']);
  });

  it('returns no title and no blocks for blank text', () => {
    expect(readText(' \n\t\n  ')).toEqual({ meta: {}, blocks: [] });
  });
});

describe('readText paragraphs', () => {
  it('separates paragraphs at blank lines', () => {
    const doc = readText('Title\n\nOne is here.\n\n\nTwo is here.\n  \nThree is here.');
    expect(texts(doc)).toEqual(['One is here.', 'Two is here.', 'Three is here.']);
  });

  it('starts a new paragraph at a single newline after a finished sentence', () => {
    const doc = readText('Title\nFirst paragraph ends here.\nSecond paragraph starts here.');
    expect(texts(doc)).toEqual(['First paragraph ends here.', 'Second paragraph starts here.']);
  });

  it('joins hard-wrapped lines into one paragraph', () => {
    const doc = readText(
      'Title\n\nThe research center has set a goal\nof training around 500,000 blockchain\nprofessionals in five years.',
    );
    expect(doc.blocks).toEqual([
      paragraph(
        'The research center has set a goal of training around 500,000 blockchain professionals in five years.',
      ),
    ]);
  });

  it('does not take the first line of a hard-wrapped paragraph for a heading', () => {
    const doc = readText('Title\n\nFirst para line one\ncontinues here.\n\nSecond para.');
    expect(texts(doc)).toEqual(['First para line one continues here.', 'Second para.']);
    expect(doc.blocks.every((b) => b.kind === 'paragraph')).toBe(true);
  });

  it('accepts Windows line endings', () => {
    const doc = readText('Title\r\n\r\nPara one.\r\nPara two.\r\n');
    expect(texts(doc)).toEqual(['Para one.', 'Para two.']);
  });
});

describe('readText headings', () => {
  it('detects a short line without closing punctuation between paragraphs as a section heading', () => {
    const doc = readText(
      'Title\n\nIntro sentence.\nGroße Unternehmen siedeln sich an\nMehr als 100 Unternehmen sind dabei.',
    );
    expect(doc.blocks).toEqual([
      paragraph('Intro sentence.'),
      heading('Große Unternehmen siedeln sich an'),
      paragraph('Mehr als 100 Unternehmen sind dabei.'),
    ]);
  });

  it('does not make a heading of a line with closing punctuation, a lower-case start or nothing after it', () => {
    for (const line of ['A line that ends with a colon:', 'lower case line', 'Ends with a period.']) {
      const doc = readText(`Title\n\nIntro sentence.\n\n${line}\n\nBody sentence.`);
      expect(doc.blocks.filter((b) => b.kind === 'heading')).toEqual([]);
    }
    const last = readText('Title\n\nIntro sentence.\n\nTrailing Line');
    expect(last.blocks.at(-1)).toEqual(paragraph('Trailing Line'));
  });

  it('does not make a heading of a line longer than 14 words', () => {
    const long = 'One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen';
    const doc = readText(`Title\n\nIntro sentence.\n\n${long}\n\nBody sentence.`);
    expect(doc.blocks.filter((b) => b.kind === 'heading')).toEqual([]);
  });
});

describe('readText with a frontmatter title', () => {
  it('drops a first line that repeats the frontmatter title, and keeps one that does not', () => {
    const repeated = readText('---\ntitle: Big News Today\n---\nBig News Today\n\nThe story.');
    expect(repeated.meta.title).toBe('Big News Today');
    expect(repeated.blocks).toEqual([{ kind: 'paragraph', text: 'The story.' }]);
    const other = readText('---\ntitle: Big News\n---\nThe first sentence tells it.\n\nMore.');
    expect(other.blocks.map((b) => b.text)).toEqual(['The first sentence tells it.', 'More.']);
  });
});
