import { de } from './de.ts';
import { en, type MessageKey } from './en.ts';

/** The interface languages citebot speaks. */
export const interfaceLanguages = ['en', 'de'] as const;
export type InterfaceLanguage = (typeof interfaceLanguages)[number];

const catalogues: Readonly<Record<InterfaceLanguage, Partial<Record<MessageKey, string>>>> = { en, de };

/** The interface language for a Discord locale (`de`, `en-US`, …); anything but German is English. */
export function languageOfLocale(locale: string | null | undefined): InterfaceLanguage {
  return locale?.toLowerCase().startsWith('de') === true ? 'de' : 'en';
}

/** The string for `key` in `language` (English when that catalogue lacks it), `{name}`s filled in. */
export function translate(
  language: InterfaceLanguage,
  key: MessageKey,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const template = catalogues[language][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    values[name] === undefined ? whole : String(values[name]),
  );
}

/** Every catalogue with its keys, for the test that keeps them in step. */
export const allCatalogues = catalogues;
