import { describe, expect, it } from 'vitest';
import { foldTerm } from '../../../src/core/analysis/normalize.ts';

describe('foldTerm', () => {
  it('folds `Fachkräfte` and `fachkrafte` alike', () => {
    expect(foldTerm('Fachkräfte')).toBe('fachkrafte');
    expect(foldTerm('Fachkräfte')).toBe(foldTerm('fachkrafte'));
  });

  it('folds ß to ss, so `Straße` matches `STRASSE`', () => {
    expect(foldTerm('Straße')).toBe('strasse');
    expect(foldTerm('STRASSE')).toBe('strasse');
  });

  it('applies NFKC: ligatures, full-width letters and circled digits become plain', () => {
    expect(foldTerm('ﬁle')).toBe('file');
    expect(foldTerm('Ｆｕｌｌ')).toBe('full');
    expect(foldTerm('①')).toBe('1');
  });

  it('folds precomposed and combining diacritics on Latin letters alike', () => {
    expect(foldTerm('café')).toBe('cafe');
    expect(foldTerm('cafe\u0301')).toBe('cafe');
    expect(foldTerm('İstanbul')).toBe('istanbul');
  });

  it('keeps marks on other scripts, where they carry meaning', () => {
    expect(foldTerm('कि')).toBe('कि');
    expect(foldTerm('ガ')).toBe('ガ');
    expect(foldTerm('Москва')).toBe('москва');
  });
});
