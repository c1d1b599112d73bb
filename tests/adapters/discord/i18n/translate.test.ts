import { describe, expect, it } from 'vitest';
import { allCatalogues, languageOfLocale, translate } from '../../../../src/adapters/discord/i18n/index.ts';

describe('the interface catalogues', () => {
  it('hold exactly the same keys in every language', () => {
    const keys = Object.fromEntries(
      Object.entries(allCatalogues).map(([language, catalogue]) => [language, Object.keys(catalogue).sort()]),
    );
    for (const [language, own] of Object.entries(keys)) expect(own, language).toEqual(keys.en);
  });

  it('use the same {placeholders} in every language', () => {
    const placeholders = (text: string | undefined) => (text?.match(/\{\w+\}/g) ?? []).sort();
    for (const [key, english] of Object.entries(allCatalogues.en)) {
      for (const catalogue of Object.values(allCatalogues)) {
        expect(placeholders(catalogue[key as keyof typeof catalogue]), key).toEqual(placeholders(english));
      }
    }
  });

  it('chooses German for every German locale and English otherwise', () => {
    expect(languageOfLocale('de')).toBe('de');
    expect(languageOfLocale('de-AT')).toBe('de');
    expect(languageOfLocale('en-GB')).toBe('en');
    expect(languageOfLocale('fr')).toBe('en');
    expect(languageOfLocale(null)).toBe('en');
  });

  it('fills in values and translates', () => {
    expect(translate('de', 'answer.footer.other', { count: 3, ms: 12 })).toBe(
      '3 Artikel in 12 ms durchsucht',
    );
    expect(translate('en', 'answer.footer.one', { count: 1, ms: 5 })).toBe('Searched 1 article in 5 ms');
  });
});
