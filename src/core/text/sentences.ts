/** A sentence as a half-open range `[start, end)` of UTF-16 offsets, without surrounding whitespace. */
export interface SentenceRange {
  start: number;
  end: number;
}

/** What a language needs to repair the sentence breaks ICU gets wrong. Entries are written as in text. */
interface LanguageRules {
  /** Abbreviations a sentence does not end with (`Dr.`, `z.B.`); a capitalised first letter also matches. */
  readonly abbreviations: readonly string[];
  /** Abbreviations that precede a number (`No. 5`); they end the sentence when no number follows. */
  readonly beforeNumber: readonly string[];
  /** Capitalised words that begin a new sentence even after an initial (`J.`) or ordinal (`14.`). */
  readonly starters: readonly string[];
  /** Words after which a number with a dot is an ordinal, not a sentence end (`am 14.`, `der 3.`). */
  readonly ordinalAfter: readonly string[];
  /** Words that make a preceding number with a dot an ordinal (`14. April`). */
  readonly ordinalBefore: readonly string[];
}

const SHARED_RULES: LanguageRules = {
  abbreviations: ['ca.', 'cf.', 'Dr.', 'e.g.', 'i.e.', 'Prof.', 'vs.'],
  beforeNumber: ['Fig.', 'No.', 'Nr.', 'p.', 'pp.', 'Vol.'],
  // English fragments turn up in every language's text (untranslated paragraphs, quoted docs).
  starters: [
    ...['A', 'After', 'All', 'An', 'And', 'As', 'At', 'But', 'For', 'He', 'Her', 'His', 'How', 'However'],
    ...['I', 'If', 'In', 'It', 'Its', 'My', 'On', 'Our', 'She', 'So', 'Some', 'That', 'The', 'Their'],
    ...['Then', 'There', 'These', 'They', 'This', 'Those', 'We', 'What', 'When', 'Where', 'Who', 'You'],
  ],
  ordinalAfter: [],
  ordinalBefore: [],
};

const LANGUAGE_RULES: Readonly<Record<string, Partial<LanguageRules>>> = {
  en: {
    abbreviations: ['approx.', 'Mr.', 'Mrs.', 'Ms.', 'St.'],
    beforeNumber: ['Ch.', 'Sec.'],
  },
  de: {
    abbreviations: [
      'bzw.',
      'd.h.',
      'evtl.',
      'ggf.',
      'Hr.',
      'Hrn.',
      'inkl.',
      'o.ä.',
      'sog.',
      'u.a.',
      'vgl.',
      'z.B.',
    ],
    beforeNumber: ['Abb.', 'Abs.', 'Kap.', 'S.', 'Tab.'],
    starters: [
      ...['Aber', 'Als', 'Am', 'Auch', 'Auf', 'Aus', 'Bei', 'Da', 'Damit', 'Danach', 'Dann', 'Das', 'Dem'],
      ...['Den', 'Der', 'Des', 'Deshalb', 'Die', 'Dies', 'Diese', 'Dieser', 'Dieses', 'Doch', 'Ein', 'Eine'],
      ...['Einer', 'Er', 'Es', 'Für', 'Ich', 'Ihr', 'Im', 'In', 'Man', 'Mit', 'Nach', 'Nun', 'Sie', 'So'],
      ...['Und', 'Von', 'Vor', 'Was', 'Wenn', 'Wie', 'Wir', 'Wo', 'Zu', 'Zum', 'Zur'],
    ],
    ordinalAfter: [
      ...['am', 'beim', 'das', 'dem', 'den', 'der', 'des', 'die', 'ein', 'eine', 'einem'],
      ...['einen', 'einer', 'ihrem', 'ihren', 'ihrer', 'im', 'seinem', 'seinen', 'seiner', 'vom'],
      ...['zum', 'zur'],
    ],
    ordinalBefore: [
      ...['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober'],
      ...[
        'November',
        'Dezember',
        'Jan',
        'Feb',
        'Mär',
        'Apr',
        'Jun',
        'Jul',
        'Aug',
        'Sep',
        'Okt',
        'Nov',
        'Dez',
      ],
    ],
  },
};

interface CompiledRules {
  readonly abbreviations: ReadonlySet<string>;
  readonly beforeNumber: ReadonlySet<string>;
  readonly starters: ReadonlySet<string>;
  readonly ordinalAfter: ReadonlySet<string>;
  readonly ordinalBefore: ReadonlySet<string>;
}

interface Splitter {
  readonly segmenter: Intl.Segmenter;
  readonly rules: CompiledRules;
}

const splitters = new Map<string, Splitter>();

function compile(own: Partial<LanguageRules> | undefined): CompiledRules {
  const merged = (key: keyof LanguageRules): ReadonlySet<string> =>
    new Set([...SHARED_RULES[key], ...(own?.[key] ?? [])]);
  return {
    abbreviations: merged('abbreviations'),
    beforeNumber: merged('beforeNumber'),
    starters: merged('starters'),
    ordinalAfter: merged('ordinalAfter'),
    ordinalBefore: merged('ordinalBefore'),
  };
}

/** One cached splitter per primary language subtag; anything unusable (`und`, `''`, `x!`) is English. */
function splitterFor(lang: string): Splitter {
  const primary = lang.split(/[-_]/, 1)[0]?.toLowerCase() ?? '';
  const key = /^[a-z]{2,3}$/.test(primary) && primary !== 'und' ? primary : 'en';
  let splitter = splitters.get(key);
  if (splitter === undefined) {
    let segmenter: Intl.Segmenter;
    try {
      segmenter = new Intl.Segmenter(key, { granularity: 'sentence' });
    } catch {
      segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
    }
    splitter = { segmenter, rules: compile(LANGUAGE_RULES[key]) };
    splitters.set(key, splitter);
  }
  return splitter;
}

/** The characters JavaScript's `\s` matches, tested by code unit without a regex. */
function isSpace(code: number): boolean {
  return (
    code === 32 ||
    (code >= 9 && code <= 13) ||
    (code > 127 &&
      (code === 0xa0 ||
        code === 0x1680 ||
        (code >= 0x2000 && code <= 0x200a) ||
        code === 0x2028 ||
        code === 0x2029 ||
        code === 0x202f ||
        code === 0x205f ||
        code === 0x3000 ||
        code === 0xfeff))
  );
}

const OPENING_PUNCTUATION = /^[\p{Ps}\p{Pi}"'„‚]+/u;
const LEADING_WORD = /^\p{L}+/u;
const LOWERCASE_START = /^\p{Ll}/u;
const DIGIT_START = /^\p{Nd}/u;
const SINGLE_LETTER = /^\p{L}\.$/u;
const INITIAL = /^\p{Lu}\.$/u;
const ORDINAL = /^\p{Nd}{1,3}\.$/u;

/** Whether `token` is in `set` as written or with its first letter in lower case (`Vgl.` → `vgl.`). */
function listed(set: ReadonlySet<string>, token: string): boolean {
  return set.has(token) || set.has(token.charAt(0).toLowerCase() + token.slice(1));
}

/** The whitespace-separated token that ends at `end`, without opening brackets and quotes. */
function tokenBefore(text: string, from: number, end: number): { start: number; token: string } {
  let start = end;
  while (start > from && !isSpace(text.charCodeAt(start - 1))) start--;
  return { start, token: text.slice(start, end).replace(OPENING_PUNCTUATION, '') };
}

/** The start of the whitespace run that ends at `end`. */
function skipSpaceBack(text: string, from: number, end: number): number {
  let position = end;
  while (position > from && isSpace(text.charCodeAt(position - 1))) position--;
  return position;
}

/**
 * Whether the break ICU put at `boundary` is wrong: the sentence begun at `sentenceStart` ends with
 * an abbreviation, initial or ordinal, and the text after the break does not clearly begin a new one.
 */
function continuesSentence(
  text: string,
  sentenceStart: number,
  boundary: number,
  rules: CompiledRules,
): boolean {
  const end = skipSpaceBack(text, sentenceStart, boundary);
  if (end === sentenceStart || text.charCodeAt(end - 1) !== 46 /* . */) return false;

  let nextStart = boundary;
  while (nextStart < text.length && isSpace(text.charCodeAt(nextStart))) nextStart++;
  let nextEnd = nextStart;
  while (nextEnd < text.length && !isSpace(text.charCodeAt(nextEnd))) nextEnd++;
  const next = text.slice(nextStart, nextEnd).replace(OPENING_PUNCTUATION, '');
  if (next === '') return false;
  if (LOWERCASE_START.test(next)) return true;

  const { start: lastStart, token: last } = tokenBefore(text, sentenceStart, end);
  if (listed(rules.abbreviations, last)) return true;
  if (SINGLE_LETTER.test(last)) {
    // `z. B.`, `u. a.`, `e. g.`: a spaced abbreviation, read as one token.
    if (SINGLE_LETTER.test(next)) return true;
    const previous = tokenBefore(text, sentenceStart, skipSpaceBack(text, sentenceStart, lastStart)).token;
    if (SINGLE_LETTER.test(previous) && listed(rules.abbreviations, previous + last)) return true;
  }
  if (DIGIT_START.test(next)) return listed(rules.beforeNumber, last);
  const word = LEADING_WORD.exec(next)?.[0];
  if (word === undefined || rules.starters.has(word)) return false;
  if (INITIAL.test(last)) return true;
  if (!ORDINAL.test(last)) return false;
  const previous = tokenBefore(text, sentenceStart, skipSpaceBack(text, sentenceStart, lastStart)).token;
  return rules.ordinalAfter.has(previous.toLowerCase()) || rules.ordinalBefore.has(word);
}

/**
 * Splits text into sentences: `Intl.Segmenter` for the language (English when the language is
 * unknown), with its breaks after abbreviations (`Dr.`, `z. B.`, `No. 5`), initials (`J. R. R.
 * Tolkien`) and, in German, ordinals (`am 14. April`) undone. Returns sorted, non-overlapping,
 * non-empty ranges trimmed of whitespace; every non-whitespace character lies in one. Never throws.
 */
export function splitSentences(text: string, lang: string): SentenceRange[] {
  const ranges: SentenceRange[] = [];
  if (text === '') return ranges;
  const { segmenter, rules } = splitterFor(lang);

  const push = (from: number, to: number): void => {
    let start = from;
    let end = to;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start < end) ranges.push({ start, end });
  };

  let sentenceStart = 0;
  for (const { index } of segmenter.segment(text)) {
    if (index === 0 || continuesSentence(text, sentenceStart, index, rules)) continue;
    push(sentenceStart, index);
    sentenceStart = index;
  }
  push(sentenceStart, text.length);
  return ranges;
}
