import { describe, expect, it } from 'vitest';
import { detectArticleLanguage, questionLanguages } from '../../../src/core/analysis/detectLanguage.ts';

const both = new Map([
  ['de', 1],
  ['en', 1],
]);

describe('detectArticleLanguage', () => {
  it('detects German and English article text', () => {
    expect(
      detectArticleLanguage(
        'Die Allianz befindet sich im Cluster für intelligente Industrie im Distrikt Yuzhong. Ziel ist es, eine offene Plattform zu schaffen.',
      ),
    ).toBe('de');
    expect(
      detectArticleLanguage(
        'The research center has set a goal of training around 500,000 blockchain professionals.',
      ),
    ).toBe('en');
  });

  it('gives `und` for text too short to tell', () => {
    expect(detectArticleLanguage('hi')).toBe('und');
    expect(detectArticleLanguage('')).toBe('und');
  });
});

describe('questionLanguages', () => {
  it('puts German first for a German question', () => {
    expect(questionLanguages('Wer ist der Allianz beigetreten?', both)[0]).toBe('de');
    expect(
      questionLanguages(
        'Wie viele Fachkräfte will China ausbilden?',
        new Map([
          ['de', 1],
          ['en', 5],
        ]),
      )[0],
    ).toBe('de');
  });

  it('puts English first for an English question', () => {
    expect(questionLanguages('Who joined the alliance?', both)[0]).toBe('en');
    expect(
      questionLanguages(
        'How many professionals will China train?',
        new Map([
          ['de', 5],
          ['en', 1],
        ]),
      )[0],
    ).toBe('en');
  });

  it('searches both languages when a bare name gives no evidence', () => {
    expect([...questionLanguages('Inspur', both)].sort()).toEqual(['de', 'en']);
  });

  it('answers with the only language present, or `und` when there is none', () => {
    expect(questionLanguages('anything at all', new Map([['de', 3]]))).toEqual(['de']);
    expect(questionLanguages('anything at all', new Map())).toEqual(['und']);
  });

  it('never returns more than `max` languages', () => {
    const many = new Map(['en', 'de', 'fr', 'es', 'it'].map((c) => [c, 1] as const));
    expect(questionLanguages('Inspur', many, 2).length).toBeLessThanOrEqual(2);
    expect(questionLanguages('Inspur', many, 1)).toHaveLength(1);
  });
});
