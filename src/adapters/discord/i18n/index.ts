export type { MessageKey } from './en.ts';
export {
  allCatalogues,
  type InterfaceLanguage,
  interfaceLanguages,
  languageOfLocale,
  translate,
} from './translate.ts';
