import { foldTerm } from './normalize.ts';
import { tokenize } from './tokenize.ts';

/** What a question asks for, when its question word says so. */
export type AskedFor = 'number' | 'date' | 'person' | 'place';

/**
 * Question words (folded; two words for "how many") that say what kind of answer is wanted, for
 * every language with question words in `languages.ts`.
 */
const KINDS: Readonly<Record<string, Readonly<Record<string, AskedFor>>>> = {
  en: {
    'how many': 'number',
    'how much': 'number',
    when: 'date',
    who: 'person',
    whom: 'person',
    where: 'place',
  },
  de: {
    'wie viele': 'number',
    'wie viel': 'number',
    wieviele: 'number',
    wieviel: 'number',
    wann: 'date',
    wer: 'person',
    wem: 'person',
    wen: 'person',
    wo: 'place',
    woher: 'place',
    wohin: 'place',
  },
  fr: { combien: 'number', quand: 'date', qui: 'person', ou: 'place' },
  es: {
    cuantos: 'number',
    cuantas: 'number',
    cuanto: 'number',
    cuando: 'date',
    quien: 'person',
    donde: 'place',
  },
  it: { quanti: 'number', quante: 'number', quanto: 'number', quando: 'date', chi: 'person', dove: 'place' },
  pt: {
    quantos: 'number',
    quantas: 'number',
    quanto: 'number',
    quando: 'date',
    quem: 'person',
    onde: 'place',
  },
  nl: { hoeveel: 'number', wanneer: 'date', wie: 'person', waar: 'place' },
};

/** What the question asks for, from its first question word that names a kind (in `lang`). */
export function askedFor(question: string, lang: string): AskedFor | undefined {
  const kinds = Object.hasOwn(KINDS, lang) ? KINDS[lang] : undefined;
  if (!kinds) return undefined;
  // Own keys only: a question word such as `constructor` must not reach Object.prototype.
  const kindOf = (key: string) => (Object.hasOwn(kinds, key) ? kinds[key] : undefined);
  const words = tokenize(question).map((t) => foldTerm(t.text));
  for (let i = 0; i < words.length; i++) {
    const pair = kindOf(`${words[i]} ${words[i + 1] ?? ''}`);
    if (pair) return pair;
    const one = kindOf(words[i] as string);
    if (one) return one;
  }
  return undefined;
}

const MONTHS =
  /\b(jan(uary|uar)?|feb(ruary|ruar)?|m(arch|ärz|ars)|apr(il)?|ma[yi]|jun[ei]?|jul[yi]?|aug(ust)?|sep(tember)?|o[ck]t(ober)?|nov(ember)?|de[cz](ember)?|janvier|février|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)\b/iu;
const YEAR = /\b(1[5-9]|20)\d\d\b/u;
const NUMERIC_DATE = /\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b/u;
const NUMBER = /\p{N}/u;
const ROLES =
  /\b(director|president|vice[- ]president|chair(man|woman)?|ceo|founder|minister|head|manager|professor|researcher|direktor(in)?|präsident(in)?|vizepräsident(in)?|vorsitzende[rn]?|gründer(in)?|leiter(in)?|ministerin?|directeur|présidente?|ministre|fondateur|director|presidente|ministro|fundador)\b/iu;
// Two capitalised words in a row: a name (Zheng Zhiming, Luo Qingquan), unless the first opens a
// sentence as an article or pronoun ("The Alliance").
const NAME = /(?<![\p{L}\p{N}])(\p{Lu}\p{Ll}+)[\s-]+\p{Lu}\p{Ll}+/gu;
const NOT_NAMES = new Set([
  'The',
  'This',
  'That',
  'These',
  'It',
  'Der',
  'Die',
  'Das',
  'Ein',
  'Eine',
  'Le',
  'La',
  'Les',
  'El',
  'Los',
  'Las',
  'Il',
  'Un',
  'Une',
]);
const PLACE =
  /\b(in|at|from|near|im|aus|bei|nach|à|en|dans|de|en|desde|em|no|na|a)\s+(the\s+|der\s+|dem\s+|la\s+|le\s+|el\s+)?\p{Lu}\p{Ll}+/u;

/** Whether a sentence holds the kind of thing a question asks for. */
export function holds(sentence: string, kind: AskedFor): boolean {
  switch (kind) {
    case 'number':
      return NUMBER.test(sentence);
    case 'date':
      return MONTHS.test(sentence) || YEAR.test(sentence) || NUMERIC_DATE.test(sentence);
    case 'person':
      return ROLES.test(sentence) || [...sentence.matchAll(NAME)].some((m) => !NOT_NAMES.has(m[1] as string));
    case 'place':
      return PLACE.test(sentence);
  }
}
