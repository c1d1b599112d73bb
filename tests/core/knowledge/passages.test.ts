import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countWords } from '../../../src/core/knowledge/parseArticles.ts';
import { type ChunkOptions, chunkArticle } from '../../../src/core/knowledge/passages.ts';
import { readText } from '../../../src/core/knowledge/readers/text.ts';
import { DefaultSearchSettings } from '../../../src/core/search/settings.ts';
import type { Article, Block, Passage } from '../../../src/core/types.ts';

const options: ChunkOptions = {
  minWords: DefaultSearchSettings.minPassageWords,
  maxWords: DefaultSearchSettings.maxPassageWords,
};

const article = (blocks: readonly Block[], over: Partial<Article> = {}): Article => ({
  id: 'a.md',
  title: 'Title',
  lang: 'en',
  tags: [],
  blocks,
  words: countWords(blocks.map((b) => b.text).join(' ')),
  ...over,
});

const p = (text: string): Block => ({ kind: 'paragraph', text });
const h = (level: number, text: string): Block => ({ kind: 'heading', level, text });
/** A sentence of `n` words. */
const sentence = (n: number, word = 'word'): string => `${Array.from({ length: n }, () => word).join(' ')}.`;

const words = (texts: readonly string[]): string[] => texts.flatMap((t) => t.match(/\S+/g) ?? []).sort();
const wordCounts = (passages: readonly Passage[]) => passages.map((x) => countWords(x.text));

describe('chunkArticle sizes', () => {
  it('merges short paragraphs under one heading until a passage reaches the minimum', () => {
    const passages = chunkArticle(article(Array.from({ length: 10 }, () => p(sentence(15)))), 0, options);
    // 10 × 15 words with a 40-word minimum: 45, 45, 45, 15.
    expect(wordCounts(passages)).toEqual([45, 45, 45, 15]);
    expect(passages.map((x) => x.text.split('\n').length)).toEqual([3, 3, 3, 1]);
  });

  it('cuts a paragraph longer than the maximum between sentences, never inside one', () => {
    const text = Array.from({ length: 30 }, (_, i) => sentence(20, `Word${i}`)).join(' ');
    const passages = chunkArticle(article([p(text)]), 0, options);
    expect(passages.length).toBeGreaterThan(1);
    for (const x of passages) {
      expect(countWords(x.text)).toBeLessThanOrEqual(options.maxWords);
      expect(countWords(x.text)).toBeGreaterThanOrEqual(options.minWords);
      expect(x.text).toMatch(/^Word\d+ .*\.$/);
    }
  });

  it('keeps a single sentence longer than the maximum whole', () => {
    const passages = chunkArticle(article([p(sentence(250))]), 0, options);
    expect(wordCounts(passages)).toEqual([250]);
  });

  it('does not merge past the maximum', () => {
    const passages = chunkArticle(article([p(sentence(30)), p(sentence(190))]), 0, options);
    expect(wordCounts(passages)).toEqual([30, 190]);
  });
});

describe('chunkArticle structure', () => {
  it('starts a new passage at every heading and keeps the heading path, outermost first', () => {
    const passages = chunkArticle(
      article([
        p('Lead paragraph.'),
        h(2, 'Members'),
        p('Huawei joined.'),
        h(3, 'Chinese members'),
        p('Tencent joined.'),
        h(2, 'Platform'),
        p('Yu Express Chain.'),
      ]),
      0,
      options,
    );
    expect(passages.map((x) => [x.headings, x.text])).toEqual([
      [[], 'Lead paragraph.'],
      [['Members'], 'Huawei joined.'],
      [['Members', 'Chinese members'], 'Tencent joined.'],
      [['Platform'], 'Yu Express Chain.'],
    ]);
  });

  it('leaves a level-1 heading that repeats the title out of the heading path', () => {
    const passages = chunkArticle(article([h(1, 'Title'), p('Body.'), h(1, 'Other')]), 0, options);
    expect(passages.map((x) => x.headings)).toEqual([[]]);
    const other = chunkArticle(article([h(1, 'Other'), p('Body.')]), 0, options);
    expect(other.map((x) => x.headings)).toEqual([['Other']]);
  });

  it('numbers passages densely from the first id and gives each its position, article and language', () => {
    const passages = chunkArticle(
      article([p('One.'), h(2, 'A'), p('Two.'), h(2, 'B'), p('Three.')], { id: 'x/y.md', lang: 'de' }),
      7,
      options,
    );
    expect(passages.map((x) => [x.id, x.position, x.articleId, x.lang])).toEqual([
      [7, 0, 'x/y.md', 'de'],
      [8, 1, 'x/y.md', 'de'],
      [9, 2, 'x/y.md', 'de'],
    ]);
  });

  it('yields no passage for a heading with no text under it', () => {
    const passages = chunkArticle(article([p('Body.'), h(2, 'Empty section')]), 0, options);
    expect(passages.map((x) => x.text)).toEqual(['Body.']);
  });

  it('passes over blank paragraphs instead of making empty passages of them', () => {
    expect(chunkArticle(article([p('  ')]), 0, options)).toEqual([]);
    expect(chunkArticle(article([p('One.'), p(''), p('\n')]), 0, options).map((x) => x.text)).toEqual([
      'One.',
    ]);
  });

  it('keeps the headings as text when an article has nothing else', () => {
    const passages = chunkArticle(article([h(2, 'Only'), h(3, 'Headings')]), 0, options);
    expect(passages).toEqual([
      { id: 0, articleId: 'a.md', headings: [], position: 0, text: 'Only\nHeadings', lang: 'en' },
    ]);
  });
});

/** Text as an admin might write it: words of any script, punctuation, headings, blank lines. */
const wordArb = fc.oneof(
  fc.constantFrom(
    'Allianz',
    'blockchain',
    'Fachkräfte',
    '500,000',
    'Dr.',
    'z.B.',
    '14.',
    'e.g.',
    'U.S.A.',
    '—',
  ),
  fc.constantFrom('区块链', 'Москва', 'مرحبا', '🚀', 'naïve', 'ß', '…', '"quoted"', '(x)', 'a.b.c'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }).filter((s) => /\S/.test(s) && !/\s/.test(s)),
);
const sentenceArb = fc
  .tuple(fc.array(wordArb, { minLength: 1, maxLength: 30 }), fc.constantFrom('.', '!', '?', '', ' .', '…'))
  .map(([ws, end]) => ws.join(' ') + end);
const paragraphArb = fc.array(sentenceArb, { minLength: 1, maxLength: 12 }).map((ss) => ss.join(' '));
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  { weight: 4, arbitrary: paragraphArb.map(p) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\n\t').map(p) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.integer({ min: 1, max: 6 }), fc.array(wordArb, { minLength: 1, maxLength: 6 }))
      .map(([level, ws]) => h(level, ws.join(' '))),
  },
);
const langArb = fc.constantFrom('en', 'de', 'und', 'zh', 'ar', 'xx');

describe('chunkArticle properties', () => {
  it('loses no word and never yields an empty passage, for any paragraphs and headings', () => {
    fc.assert(
      fc.property(fc.array(blockArb, { maxLength: 15 }), langArb, (blocks, lang) => {
        const passages = chunkArticle(article(blocks, { lang }), 0, options);
        const paragraphs = blocks.filter((b) => b.kind === 'paragraph' && b.text.trim()).map((b) => b.text);
        for (const x of passages) expect(x.text.trim()).not.toBe('');
        if (paragraphs.length > 0) expect(words(passages.map((x) => x.text))).toEqual(words(paragraphs));
        expect(passages.map((x) => x.position)).toEqual(passages.map((_, i) => i));
      }),
      { numRuns: 300 },
    );
  });

  it('loses no word of any plain-text article read from a file', () => {
    const fileArb = fc
      .array(fc.oneof(paragraphArb, fc.constantFrom('', '', 'Section Heading', '  ')), { maxLength: 20 })
      .map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(fileArb, langArb, (text, lang) => {
        const doc = readText(text);
        const passages = chunkArticle(article(doc.blocks, { lang }), 0, options);
        for (const x of passages) expect(x.text.trim()).not.toBe('');
        const paragraphs = doc.blocks.filter((b) => b.kind === 'paragraph').map((b) => b.text);
        if (paragraphs.length > 0) expect(words(passages.map((x) => x.text))).toEqual(words(paragraphs));
      }),
      { numRuns: 200 },
    );
  });
});
