import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../../src/core/analysis/analyzer.ts';
import { makeSnippet } from '../../../src/core/answer/snippet.ts';
import type { Passage } from '../../../src/core/types.ts';
import { expectValidMarks, markedWords } from '../../support/answers.ts';
import { knowledgeFrom } from '../../support/knowledge.ts';

const kb = knowledgeFrom({ 'a.md': '# A\n\nSome text about tomatoes and gardens.' });
const options = { maxChars: 300, maxSentences: 2 };
const passage = (text: string, lang = 'en'): Passage => ({
  id: 0,
  articleId: 'a.md',
  headings: [],
  position: 0,
  text,
  lang,
});
const terms = (text: string, lang = 'en') => new Set(analyzerFor(lang).terms(text));

describe('makeSnippet', () => {
  it('picks the best matching sentences in passage order, with … for skipped ones, and marks the matched words', () => {
    const text =
      'Gardens are nice. Tomatoes need water every morning. Beans climb. Water the tomatoes before noon.';
    const snippet = makeSnippet(kb, passage(text), terms('water tomatoes'), options);
    expect(snippet.text).toBe('Tomatoes need water every morning. … Water the tomatoes before noon.');
    expect(markedWords(snippet)).toEqual(['Tomatoes', 'water', 'Water', 'tomatoes']);
    expectValidMarks(snippet);
  });

  it('gives at most `maxSentences` sentences', () => {
    const text = 'Tomatoes one. Tomatoes two. Tomatoes three.';
    expect(makeSnippet(kb, passage(text), terms('tomatoes'), { ...options, maxSentences: 1 }).text).toBe(
      'Tomatoes one.',
    );
  });

  it('cuts a window around the first mark, with ellipses, when a sentence is too long', () => {
    const text = `${'Filler words stand here without meaning. '.repeat(3).replace(/\. /g, ', ')}and then tomatoes appear in a sentence that goes on ${'and on '.repeat(60)}until it ends.`;
    const snippet = makeSnippet(kb, passage(text), terms('tomatoes'), options);
    expect(snippet.text.length).toBeLessThanOrEqual(300);
    expect(snippet.text.startsWith('…')).toBe(true);
    expect(snippet.text.endsWith('…')).toBe(true);
    expect(markedWords(snippet)).toEqual(['tomatoes']);
    expectValidMarks(snippet);
  });

  it('never exceeds the limit with two sentences', () => {
    const long = `Tomatoes ${'grow '.repeat(40)}fast.`;
    const snippet = makeSnippet(kb, passage(`${long} ${long} ${long}`), terms('tomatoes grow'), options);
    expect(snippet.text.length).toBeLessThanOrEqual(300);
    expectValidMarks(snippet);
  });

  it('replaces the newline between joined paragraphs by a space, keeping the marks in place', () => {
    const snippet = makeSnippet(
      kb,
      passage('Tomatoes are red\nand tomatoes are round'),
      terms('tomatoes'),
      options,
    );
    expect(snippet.text).not.toContain('\n');
    expect(markedWords(snippet).map((w) => w.toLowerCase())).toEqual(['tomatoes', 'tomatoes']);
  });

  it('marks German words by their stem: `Fachkräfte` for `Fachkraft`', () => {
    const snippet = makeSnippet(
      kb,
      passage('China will 500.000 Fachkräfte ausbilden. Das Zentrum liegt in Peking.', 'de'),
      terms('Fachkraft ausbilden', 'de'),
      options,
    );
    expect(snippet.text).toBe('China will 500.000 Fachkräfte ausbilden.');
    expect(markedWords(snippet)).toEqual(['Fachkräfte', 'ausbilden']);
  });

  it('falls back to the opening sentence when no word matches, and to nothing for an empty passage', () => {
    expect(makeSnippet(kb, passage('First sentence. Second one.'), terms('zebra'), options)).toEqual({
      text: 'First sentence.',
      marks: [],
    });
    expect(makeSnippet(kb, passage(''), terms('zebra'), options)).toEqual({ text: '', marks: [] });
  });

  it('prefers the sentence holding what the question asks for: a number for “how many”, “wie viele”', () => {
    const text =
      'The center trains blockchain professionals. Each year the center trains 500,000 blockchain professionals.';
    const ask = (question: string) =>
      makeSnippet(kb, passage(text), terms('center trains blockchain professionals'), {
        ...options,
        maxSentences: 1,
        question,
      }).text;
    expect(ask('What does the center train?')).toBe('The center trains blockchain professionals.');
    expect(ask('How many professionals does the center train?')).toBe(
      'Each year the center trains 500,000 blockchain professionals.',
    );
    const german = 'Das Zentrum bildet Fachkräfte aus. Jedes Jahr bildet das Zentrum 500.000 Fachkräfte aus.';
    const snippet = makeSnippet(kb, passage(german, 'de'), terms('Zentrum Fachkräfte', 'de'), {
      ...options,
      maxSentences: 1,
      question: 'Wie viele Fachkräfte bildet das Zentrum aus?',
    });
    expect(snippet.text).toBe('Jedes Jahr bildet das Zentrum 500.000 Fachkräfte aus.');
  });

  it('prefers a date for “when”, a name for “who” and a place for “where”', () => {
    const text =
      'The alliance was founded. The alliance was founded on 14 April 2020. Luo Qingquan founded the alliance. The alliance was founded in Chongqing.';
    const ask = (question: string) =>
      makeSnippet(kb, passage(text), terms('alliance founded'), { ...options, maxSentences: 1, question })
        .text;
    expect(ask('When was the alliance founded?')).toBe('The alliance was founded on 14 April 2020.');
    expect(ask('Who founded the alliance?')).toBe('Luo Qingquan founded the alliance.');
    expect(ask('Where was the alliance founded?')).toBe('The alliance was founded in Chongqing.');
  });

  it('brings the next sentence when the best one only introduces its subject', () => {
    const launch =
      'Die Allianz kündigte den Start einer Blockchain-Plattform an, „Yu Express Chain“. Die Plattform basiert auf Inspur Blockchain Services. Inspur ist groß.';
    expect(makeSnippet(kb, passage(launch, 'de'), terms('Yu Express Chain', 'de'), options).text).toBe(
      'Die Allianz kündigte den Start einer Blockchain-Plattform an, „Yu Express Chain“. Die Plattform basiert auf Inspur Blockchain Services.',
    );
    const person =
      'Zheng Zhiming is a researcher. He said that blockchain ecosystems are isolated. Other news. Blockchain ecosystems grow in many places around the world every single year.';
    expect(
      makeSnippet(kb, passage(person), terms('zheng blockchain ecosystems'), { ...options, maxSentences: 2 })
        .text,
    ).toBe('Zheng Zhiming is a researcher. He said that blockchain ecosystems are isolated.');
    const colon = 'Tomatoes need three things: Sun, water and time. Beans too.';
    expect(makeSnippet(kb, passage(colon.replace(': ', ':\n')), terms('tomatoes'), options).text).toBe(
      'Tomatoes need three things: Sun, water and time.',
    );
  });
});
