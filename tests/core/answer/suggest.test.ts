import { describe, expect, it } from 'vitest';
import { buildSuggestIndex, suggest } from '../../../src/core/answer/suggest.ts';
import { expectValidSuggestions } from '../../support/answers.ts';
import { knowledgeFrom } from '../../support/knowledge.ts';

const longTitle = `Blockchain ${'very long title words '.repeat(8)}end`;
const kb = knowledgeFrom({
  ...Object.fromEntries(
    Array.from({ length: 40 }, (_, i) => [
      `garden/tomato-${i}.md`,
      `# Tomato variety ${i}\n\n## Watering tomatoes\n\nText ${i}.`,
    ]),
  ),
  'long.md': `# ${longTitle}\n\nText.`,
  'faq/a.md': '# FAQ\n\nAbout apples.',
  'faq/b.md': '# FAQ\n\nAbout beans.',
  'fach.md': '# Fachkräfte für Blockchain\n\n## Ausbildung der Fachkräfte\n\nText.',
});
const index = buildSuggestIndex(kb);

describe('suggest for articles', () => {
  it('completes titles whose words start with the typed words, with the article id as value', () => {
    // `3` is a prefix of 3 and of 30–39; the shortest title comes first.
    const choices = suggest(index, 'article', 'tomato variety 3', 25);
    expect(choices).toHaveLength(11);
    expect(choices[0]).toEqual({ name: 'Tomato variety 3', value: 'garden/tomato-3.md' });
    expect(suggest(index, 'article', 'vari tom 1', 25).map((s) => s.value)).toContain('garden/tomato-1.md');
  });

  it('matches regardless of case and diacritics', () => {
    expect(suggest(index, 'article', 'FACHKRAFTE', 25)).toEqual([
      { name: 'Fachkräfte für Blockchain', value: 'fach.md' },
    ]);
  });

  it('shows the id beside a title other articles share', () => {
    expect(suggest(index, 'article', 'faq', 25)).toEqual([
      { name: 'FAQ · faq/a.md', value: 'faq/a.md' },
      { name: 'FAQ · faq/b.md', value: 'faq/b.md' },
    ]);
  });

  it('gives at most 25 choices, or the limit asked for', () => {
    const all = suggest(index, 'article', 'tomato', 100);
    expectValidSuggestions(all);
    expect(all).toHaveLength(25);
    expect(suggest(index, 'article', 'tomato', 3)).toHaveLength(3);
    expect(suggest(index, 'article', '', 25)).toHaveLength(25);
    expect(suggest(index, 'article', 'tomato', 0)).toEqual([]);
  });

  it('keeps a long title whole (Discord’s 100 characters are the adapter’s business)', () => {
    const [choice] = suggest(index, 'article', 'blockchain very', 25);
    expect(choice).toEqual({ name: longTitle, value: 'long.md' });
  });

  it('gives nothing when no title matches', () => {
    expect(suggest(index, 'article', 'zebra', 25)).toEqual([]);
  });
});

describe('suggest for questions', () => {
  it('offers the typed text first, then matching titles and headings', () => {
    const choices = suggest(index, 'question', '  Watering   tom ', 25);
    expect(choices[0]).toEqual({ name: 'Watering tom', value: 'Watering tom' });
    expect(choices.map((c) => c.name)).toContain('Watering tomatoes');
  });

  it('puts titles before headings', () => {
    const names = suggest(index, 'question', 'fachkrafte', 25).map((c) => c.name);
    expect(names).toEqual(['fachkrafte', 'Fachkräfte für Blockchain', 'Ausbildung der Fachkräfte']);
  });

  it('offers only the typed text when nothing matches', () => {
    expect(suggest(index, 'question', 'zebra stripes', 25)).toEqual([
      { name: 'zebra stripes', value: 'zebra stripes' },
    ]);
  });
});
