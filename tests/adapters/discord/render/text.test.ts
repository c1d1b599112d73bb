import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  clip,
  formatSnippet,
  neutralizeMentions,
  safeLine,
} from '../../../../src/adapters/discord/render/index.ts';

describe('clip', () => {
  it('leaves short text alone and ends cut text with an ellipsis within the limit', () => {
    expect(clip('short', 10)).toBe('short');
    expect(clip('abcdefghij', 5)).toBe('abcd…');
  });

  it('never splits a surrogate pair or leaves a lone escaping backslash', () => {
    expect(clip('ab😀cd', 4)).toBe('ab…');
    expect(clip('ab\\*cd', 4)).toBe('ab…');
    expect(clip('a\\\\*cd', 4)).toBe('a\\\\…');
  });

  it('fits any string into any limit', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 0, max: 300 }),
        (text, max) => {
          expect(clip(text, max).length).toBeLessThanOrEqual(max);
        },
      ),
    );
  });
});

describe('neutralizeMentions', () => {
  it('breaks @everyone, @here, user and role mentions', () => {
    const text = neutralizeMentions(
      '@everyone @HERE <@123456789012345678> <@!123456789012345678> <@&123456789012345678>',
    );
    expect(text).not.toMatch(/@(everyone|here)/i);
    expect(text).not.toMatch(/<@[!&]?\d+>/);
  });

  it('keeps mentions citebot writes itself', () => {
    expect(neutralizeMentions('<@1> and <@2>', ['1'])).toBe('<@1> and <@\u200b2>');
  });
});

describe('safeLine', () => {
  it('escapes markdown and collapses line breaks', () => {
    expect(safeLine('**bold** _it_ `code`\n# heading', 200)).toBe(
      '\\*\\*bold\\*\\* \\_it\\_ \\`code\\` # heading',
    );
    expect(safeLine('```js\nx```', 200)).toBe('\\`\\`\\`js x\\`\\`\\`');
    expect(safeLine('[click](https://evil.example)', 200)).toBe('\\[click](https://evil.example)');
  });
});

describe('formatSnippet', () => {
  it('bolds the marked terms and escapes the rest', () => {
    const snippet = {
      text: 'The *alliance* was signed in 1815.',
      marks: [
        { start: 5, end: 13 },
        { start: 29, end: 33 },
      ],
    };
    expect(formatSnippet(snippet, 200)).toBe('The \\***alliance**\\* was signed in **1815**.');
  });

  it('merges overlapping marks and ignores marks outside the text', () => {
    const snippet = {
      text: 'alpha beta gamma',
      marks: [
        { start: 0, end: 5 },
        { start: 3, end: 10 },
        { start: 50, end: 60 },
        { start: 12, end: 11 },
      ],
    };
    expect(formatSnippet(snippet, 200)).toBe('**alpha beta** gamma');
  });

  it('keeps whitespace outside the bold markers so Discord renders them', () => {
    expect(formatSnippet({ text: 'a  b c', marks: [{ start: 1, end: 4 }] }, 50)).toBe('a **b** c');
  });

  it('cuts long snippets with an ellipsis and closes the bold it was in', () => {
    const text = `${'word '.repeat(50)}target ${'tail '.repeat(50)}`;
    const start = text.indexOf('target');
    const out = formatSnippet({ text, marks: [{ start: 0, end: start + 6 }] }, 60);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(out.endsWith('**…')).toBe(true);
    expect(out.startsWith('**word')).toBe(true);
  });

  it('stays within the limit for any text and marks', () => {
    const mark = fc.record({
      start: fc.integer({ min: -5, max: 400 }),
      end: fc.integer({ min: -5, max: 400 }),
    });
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 400 }),
        fc.array(mark, { maxLength: 8 }),
        fc.integer({ min: 1, max: 300 }),
        (text, marks, max) => {
          const out = formatSnippet({ text, marks }, max);
          expect(out.length).toBeLessThanOrEqual(max);
          expect(out).not.toMatch(/@(everyone|here)/i);
        },
      ),
    );
  });
});
