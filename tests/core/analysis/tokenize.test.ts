import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanTokens, tokenize } from '../../../src/core/analysis/tokenize.ts';

const texts = (text: string) => tokenize(text).map((t) => t.text);

describe('tokenize', () => {
  it('returns words with their UTF-16 offsets', () => {
    const text = 'Die Fachkräfte 🚀 kommen';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(texts(text)).toEqual(['Die', 'Fachkräfte', 'kommen']);
  });

  it('keeps numbers with thousands and decimal separators as one token', () => {
    expect(texts('around 500,000 or 3.14 and 500.000')).toEqual([
      'around',
      '500,000',
      'or',
      '3.14',
      'and',
      '500.000',
    ]);
  });

  it('keeps inner apostrophes and splits at hyphens', () => {
    expect(texts("don't O'Reilly state-of-the-art x_y")).toEqual([
      "don't",
      "O'Reilly",
      'state',
      'of',
      'the',
      'art',
      'x_y',
    ]);
  });

  it('turns CJK runs into overlapping character bigrams with offsets', () => {
    expect(tokenize('東京都に住む')).toEqual([
      { text: '東京', start: 0, end: 2 },
      { text: '京都', start: 1, end: 3 },
      { text: '都に', start: 2, end: 4 },
      { text: 'に住', start: 3, end: 5 },
      { text: '住む', start: 4, end: 6 },
    ]);
    expect(texts('日本語とEnglish混在')).toEqual(['日本', '本語', '語と', 'English', '混在']);
    expect(texts('中')).toEqual(['中']);
  });

  it('finds no words in punctuation, emoji or whitespace', () => {
    expect(tokenize('?!… 🚀🎉 ---\u200b\u202e ')).toEqual([]);
  });

  it('finds the tokens of the word expression, testing each against the CJK expression', () => {
    // The definition: the word expression, every match tested against the scripts' expression.
    const word = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*/gu;
    const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
    const reference = (text: string) =>
      [...text.matchAll(word)].flatMap((m) =>
        cjk.test(m[0])
          ? tokenize(m[0]).map((t) => ({ ...t, start: t.start + m.index, end: t.end + m.index }))
          : [{ text: m[0], start: m.index, end: m.index + m[0].length }],
      );
    // Latin, Cyrillic, kana, Han (also outside the BMP), CJK radicals, a long vowel mark, a combining
    // mark, letters and digits outside the BMP, other digits, separators, an emoji, a lone surrogate.
    const text = fc
      .array(
        fc.constantFrom(
          ...[
            'a',
            'é',
            'Ж',
            'か',
            'カ',
            '日',
            '𠀀',
            '⺀',
            'ー',
            '\u0301',
            '𝐀',
            '𝟎',
            '1',
            '٣',
            ',',
            '.',
            "'",
            '’',
          ],
          ...['_', ' ', '-', '🚀', '\ud800'],
        ),
        { maxLength: 30 },
      )
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (t) => {
        expect(tokenize(t)).toEqual(reference(t));
        const visited: Array<{ text: string; start: number; end: number }> = [];
        scanTokens(t, (token, start, end) => visited.push({ text: token, start, end }));
        expect(visited).toEqual(tokenize(t));
      }),
      { numRuns: 1000 },
    );
  });
});
