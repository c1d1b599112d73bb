/**
 * Question-side spelling help, per language: abbreviations people type in chat, and regular
 * spelling variants (British and American English). Articles are indexed as written; a question's
 * word is rewritten only when the index does not know it (see `questionTerms`).
 */

/** Chat abbreviations by language, folded, with what they stand for. */
const ABBREVIATIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  en: {
    ppl: 'people',
    pls: 'please',
    plz: 'please',
    govt: 'government',
    dept: 'department',
    approx: 'approximately',
    mgmt: 'management',
    config: 'configuration',
    docs: 'documentation',
    pw: 'password',
    pwd: 'password',
    msg: 'message',
    msgs: 'messages',
  },
  de: {
    ggf: 'gegebenenfalls',
    inkl: 'inklusive',
    mind: 'mindestens',
    max: 'maximal',
    pw: 'Passwort',
    nr: 'Nummer',
    tel: 'Telefon',
  },
};

/** The expansion of a chat abbreviation (`ppl` → `people`), if the language has one for it. */
export function expandAbbreviation(folded: string, lang: string): string | undefined {
  const table = ABBREVIATIONS[lang];
  // Own keys only: a question word such as `__proto__` or `constructor` must not reach Object.prototype.
  return table && Object.hasOwn(table, folded) ? table[folded] : undefined;
}

/** Regular alternative spellings: British ↔ American English. */
const SPELLINGS: Readonly<Record<string, ReadonlyArray<readonly [RegExp, string]>>> = {
  en: [
    [/([^aeiou])re$/, '$1er'], // centre → center
    [/([^aeiou])er$/, '$1re'],
    [/our$/, 'or'], // colour → color
    [/([^aeiou])or$/, '$1our'],
    [/is(e|ed|es|ing|ation)$/, 'iz$1'], // organise → organize
    [/iz(e|ed|es|ing|ation)$/, 'is$1'],
    [/ys(e|ed|es|ing)$/, 'yz$1'], // analyse → analyze
    [/yz(e|ed|es|ing)$/, 'ys$1'],
    [/ogue$/, 'og'], // catalogue → catalog
    [/ll(ed|ing)$/, 'l$1'], // travelled → traveled
  ],
};

/** Other regular spellings of a folded word in its language (`centre` → `center`). */
export function spellingVariants(folded: string, lang: string): string[] {
  const out: string[] = [];
  for (const [pattern, replacement] of SPELLINGS[lang] ?? []) {
    if (folded.length < 5 || !pattern.test(folded)) continue;
    const variant = folded.replace(pattern, replacement);
    if (variant !== folded) out.push(variant);
  }
  return out;
}

/** Languages that glue nouns into compounds (Farbprofil = Farb + Profil). */
const COMPOUNDING = new Set(['de', 'nl', 'sv', 'da', 'nb', 'no']);
/** Linking elements between the parts of a compound (Sicherung·s·datei). */
const LINKS = ['', 's', 'es', 'n', 'en', 'e'];
const MIN_PART = 4;

/**
 * Splits a compound into two parts that both pass `known` (index terms of the parts), trying the
 * split with the longest tail first (the head of a German compound says what it is). Returns the
 * parts' words, or undefined.
 */
export function splitCompound(
  folded: string,
  lang: string,
  known: (word: string) => boolean,
): [string, string] | undefined {
  if (!COMPOUNDING.has(lang) || folded.length < 2 * MIN_PART || !/^\p{L}+$/u.test(folded)) return undefined;
  for (let at = MIN_PART; at <= folded.length - MIN_PART; at++) {
    const tail = folded.slice(at);
    if (!known(tail)) continue;
    for (const link of LINKS) {
      const head = folded.slice(0, at);
      if (!head.endsWith(link)) continue;
      const stem = head.slice(0, head.length - link.length);
      if (stem.length >= MIN_PART && known(stem)) return [stem, tail];
    }
  }
  return undefined;
}

/**
 * "Ein- oder Ausschalten", "Tinten- und Tonermenge": a hyphen standing for the next word's tail,
 * before the word for "or"/"and" of a compounding language (German, Dutch, Swedish, Danish and
 * Norwegian).
 */
const ELIDED = /(\p{L}{2,})-\s+(?:oder|und|bzw\.?|sowie|en|of|och|eller|og)\s+(\p{L}{4,})/giu;
const MIN_TAIL = 3;

/**
 * The words a compounding language leaves half-written before "oder"/"und" ("ein- oder
 * ausschalten" is "einschalten oder ausschalten"), completed with the longest tail of the next word
 * that makes a word `known` to the index ("einschalten", not "einhalten"). Words that cannot be
 * completed are left out.
 */
export function completeElided(text: string, lang: string, known: (word: string) => boolean): string[] {
  if (!COMPOUNDING.has(lang) || !text.includes('-')) return [];
  const out: string[] = [];
  for (const [, head, next] of text.matchAll(ELIDED)) {
    if (!head || !next) continue;
    for (let at = 1; at <= next.length - MIN_TAIL; at++) {
      const word = `${head}${next.slice(at)}`;
      if (known(word)) {
        out.push(word);
        break;
      }
    }
  }
  return out;
}
