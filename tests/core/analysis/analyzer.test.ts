import { describe, expect, it } from 'vitest';
import { analyzerFor, termTokens } from '../../../src/core/analysis/analyzer.ts';

describe('analyzerFor German', () => {
  const de = analyzerFor('de');

  it('stems German words and drops stopwords and question words', () => {
    expect(de.terms('Wer ist der Allianz beigetreten?')).toEqual(['allianz', 'beigetret']);
    expect(de.terms('Warum wollen die Unternehmen Fachkräfte ausbilden?')).toEqual([
      'unternehm',
      'fachkraft',
      'ausbild',
    ]);
  });

  it('gives `Fachkräfte`, `fachkrafte` and `Fachkraft` one term', () => {
    expect(de.term('Fachkräfte')).toBe('fachkraft');
    expect(de.term('fachkrafte')).toBe('fachkraft');
    expect(de.term('Fachkraft')).toBe('fachkraft');
  });

  it('gives `Straße` and `Strasse` one term', () => {
    expect(de.term('Straße')).toBe(de.term('Strasse'));
  });

  it('strips thousands separators from numbers, German style too', () => {
    expect(de.terms('500.000 Fachkräfte')).toEqual(['500000', 'fachkraft']);
  });
});

describe('analyzerFor English', () => {
  const en = analyzerFor('en');

  it('stems English words and drops stopwords and question words', () => {
    expect(en.terms('How many professionals will the companies train?')).toEqual([
      'profession',
      'compani',
      'train',
    ]);
    expect(en.terms('What is it? Why? Which? Tell me, explain!')).toEqual([]);
  });

  it('turns `500,000` into `500000`', () => {
    expect(en.term('500,000')).toBe('500000');
    expect(en.terms('around 500,000 blockchain professionals')).toEqual([
      'around',
      '500000',
      'blockchain',
      'profession',
    ]);
  });

  it('does not stem short words or identifiers', () => {
    expect(en.term('gc')).toBe('gc');
    expect(en.term('x_tests')).toBe('x_tests');
    expect(en.term('python3')).toBe('python3');
  });

  it('drops terms longer than 40 characters as noise', () => {
    expect(en.term('a'.repeat(41))).toBeUndefined();
    expect(en.term('a'.repeat(40))).toBe('a'.repeat(40));
  });

  it('reports stopwords by their folded form', () => {
    expect(en.isStopword('the')).toBe(true);
    expect(en.isStopword('what')).toBe(true);
    expect(en.isStopword('blockchain')).toBe(false);
  });
});

describe('analyzerFor other languages', () => {
  it('folds but does not stem a language it does not know, without error', () => {
    expect(analyzerFor('xx').terms('Running Häuser quickly the')).toEqual([
      'running',
      'hauser',
      'quickly',
      'the',
    ]);
    expect(analyzerFor('und').terms('Running the')).toEqual(['running', 'the']);
  });

  it('folds a known language without a stemmer (Polish)', () => {
    expect(analyzerFor('pl').terms('Dzień dobry')).toEqual(['dzien', 'dobry']);
  });

  it('indexes Chinese and Japanese as character bigrams', () => {
    expect(analyzerFor('zh').terms('区块链中心')).toEqual(['区块', '块链', '链中', '中心']);
    expect(analyzerFor('ja').terms('東京都')).toEqual(['東京', '京都']);
  });

  it('returns the same analyzer for the same language', () => {
    expect(analyzerFor('de')).toBe(analyzerFor('de'));
  });
});

describe('termTokens', () => {
  it('pairs each kept word with its offsets and term, for highlighting', () => {
    expect(termTokens('Die Fachkräfte bilden aus.', 'de')).toEqual([
      { text: 'Fachkräfte', start: 4, end: 14, term: 'fachkraft' },
      { text: 'bilden', start: 15, end: 21, term: 'bild' },
    ]);
  });
});
