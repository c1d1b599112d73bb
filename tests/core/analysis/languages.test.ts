import { describe, expect, it } from 'vitest';
import {
  codeFromFranc,
  languageSupport,
  normaliseLanguageTag,
} from '../../../src/core/analysis/languages.ts';

describe('normaliseLanguageTag', () => {
  it('reduces a tag to its lower-case primary subtag', () => {
    expect(normaliseLanguageTag('de-DE')).toBe('de');
    expect(normaliseLanguageTag(' EN ')).toBe('en');
    expect(normaliseLanguageTag('pt_BR')).toBe('pt');
  });

  it('gives `und` for a missing or malformed tag', () => {
    for (const tag of [undefined, '', 'english', 'x-klingon', '12'])
      expect(normaliseLanguageTag(tag)).toBe('und');
  });
});

describe('languageSupport', () => {
  it('has a stemmer, stopwords and question words for English and German', () => {
    for (const code of ['en', 'de']) {
      const support = languageSupport(code);
      expect(support.stem).toBeTypeOf('function');
      expect(support.stopwords.length).toBeGreaterThan(100);
      expect(support.questionWords?.length).toBeGreaterThan(10);
    }
  });

  it('gives an unknown language no stemmer and no stopwords, keeping its code', () => {
    expect(languageSupport('xx')).toEqual({ code: 'xx', code3: 'und', stopwords: [] });
  });
});

describe('codeFromFranc', () => {
  it('maps franc’s ISO 639-3 codes to ISO 639-1, else `und`', () => {
    expect(codeFromFranc('deu')).toBe('de');
    expect(codeFromFranc('eng')).toBe('en');
    expect(codeFromFranc('cmn')).toBe('zh');
    expect(codeFromFranc('zzz')).toBe('und');
  });
});
