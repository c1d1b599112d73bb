import { stemmer as arabic } from '@orama/stemmers/arabic';
import { stemmer as armenian } from '@orama/stemmers/armenian';
import { stemmer as bulgarian } from '@orama/stemmers/bulgarian';
import { stemmer as danish } from '@orama/stemmers/danish';
import { stemmer as dutch } from '@orama/stemmers/dutch';
import { stemmer as english } from '@orama/stemmers/english';
import { stemmer as finnish } from '@orama/stemmers/finnish';
import { stemmer as french } from '@orama/stemmers/french';
import { stemmer as greek } from '@orama/stemmers/greek';
import { stemmer as hungarian } from '@orama/stemmers/hungarian';
import { stemmer as indonesian } from '@orama/stemmers/indonesian';
import { stemmer as irish } from '@orama/stemmers/irish';
import { stemmer as italian } from '@orama/stemmers/italian';
import { stemmer as lithuanian } from '@orama/stemmers/lithuanian';
import { stemmer as nepali } from '@orama/stemmers/nepali';
import { stemmer as norwegian } from '@orama/stemmers/norwegian';
import { stemmer as portuguese } from '@orama/stemmers/portuguese';
import { stemmer as romanian } from '@orama/stemmers/romanian';
import { stemmer as russian } from '@orama/stemmers/russian';
import { stemmer as serbian } from '@orama/stemmers/serbian';
import { stemmer as spanish } from '@orama/stemmers/spanish';
import { stemmer as swedish } from '@orama/stemmers/swedish';
import { stemmer as tamil } from '@orama/stemmers/tamil';
import { stemmer as turkish } from '@orama/stemmers/turkish';
import { stemmer as ukrainian } from '@orama/stemmers/ukrainian';
import { stopwords as arabicStop } from '@orama/stopwords/arabic';
import { stopwords as armenianStop } from '@orama/stopwords/armenian';
import { stopwords as bulgarianStop } from '@orama/stopwords/bulgarian';
import { stopwords as danishStop } from '@orama/stopwords/danish';
import { stopwords as dutchStop } from '@orama/stopwords/dutch';
import { stopwords as englishStop } from '@orama/stopwords/english';
import { stopwords as finnishStop } from '@orama/stopwords/finnish';
import { stopwords as frenchStop } from '@orama/stopwords/french';
import { stopwords as germanStop } from '@orama/stopwords/german';
import { stopwords as greekStop } from '@orama/stopwords/greek';
import { stopwords as hungarianStop } from '@orama/stopwords/hungarian';
import { stopwords as indonesianStop } from '@orama/stopwords/indonesian';
import { stopwords as irishStop } from '@orama/stopwords/irish';
import { stopwords as italianStop } from '@orama/stopwords/italian';
import { stopwords as japaneseStop } from '@orama/stopwords/japanese';
import { stopwords as lithuanianStop } from '@orama/stopwords/lithuanian';
import { stopwords as mandarinStop } from '@orama/stopwords/mandarin';
import { stopwords as nepaliStop } from '@orama/stopwords/nepali';
import { stopwords as norwegianStop } from '@orama/stopwords/norwegian';
import { stopwords as portugueseStop } from '@orama/stopwords/portuguese';
import { stopwords as romanianStop } from '@orama/stopwords/romanian';
import { stopwords as russianStop } from '@orama/stopwords/russian';
import { stopwords as serbianStop } from '@orama/stopwords/serbian';
import { stopwords as slovenianStop } from '@orama/stopwords/slovenian';
import { stopwords as spanishStop } from '@orama/stopwords/spanish';
import { stopwords as swedishStop } from '@orama/stopwords/swedish';
import { stopwords as tamilStop } from '@orama/stopwords/tamil';
import { stopwords as turkishStop } from '@orama/stopwords/turkish';
import { stopwords as ukrainianStop } from '@orama/stopwords/ukrainian';
import { stemGerman } from './germanForms.ts';

/** What citebot knows about one language: its codes, Snowball stemmer and stopwords. */
export interface LanguageSupport {
  /** ISO 639-1 code, as used in articles (`lang: de`) and in passages. */
  readonly code: string;
  /** ISO 639-3 code, as returned by the franc language detector. */
  readonly code3: string;
  readonly stem?: (word: string) => string;
  /** A moderate stopword list (the `@orama/stopwords` lists: ~180 English, ~230 German words). */
  readonly stopwords: readonly string[];
  /** Question words that carry no topic ("what", "warum"); dropped from questions. */
  readonly questionWords?: readonly string[];
  /** Function words missing from the stopword list. */
  readonly extraStopwords?: readonly string[];
}

const table: readonly LanguageSupport[] = [
  {
    code: 'en',
    code3: 'eng',
    stem: english,
    stopwords: englishStop,
    // The @orama list lacks the article "a", a few fillers every question carries, and contractions
    // typed without their apostrophe ("whats").
    extraStopwords: [
      'a',
      'also',
      'just',
      'still',
      'get',
      'gets',
      'got',
      'whats',
      'hows',
      'whos',
      'wheres',
      'whens',
      'whys',
      'thats',
      'isnt',
      'arent',
      'wasnt',
      'dont',
      'doesnt',
      'didnt',
      'cant',
      'wont',
      'theres',
    ],
    questionWords: [
      'what',
      'which',
      'who',
      'whom',
      'whose',
      'when',
      'where',
      'why',
      'how',
      'does',
      'do',
      'is',
      'are',
      'can',
      'tell',
      'explain',
      'many',
      'much',
      // Openers of yes/no questions (already stopwords: listed so the Discord adapter knows them too).
      "what's",
      "who's",
      "where's",
      "how's",
      'am',
      'was',
      'were',
      'did',
      'could',
      'should',
      'would',
      'will',
      'shall',
      'may',
      'might',
      'must',
      'has',
      'have',
      'had',
      "isn't",
      "aren't",
      "doesn't",
      "don't",
      "didn't",
      "can't",
    ],
  },
  {
    code: 'de',
    code3: 'deu',
    stem: stemGerman,
    stopwords: germanStop,
    questionWords: [
      'was',
      'wer',
      'wen',
      'wem',
      'wessen',
      'wann',
      'wo',
      'woher',
      'wohin',
      'warum',
      'weshalb',
      'wieso',
      'wie',
      'welche',
      'welcher',
      'welches',
      'welchen',
      'viele',
      'wieviel',
      'wieviele',
      'gibt',
      'erkläre',
      'wovon',
      'wozu',
      'womit',
      'wofür',
      'woran',
      'worauf',
      'worüber',
      'wodurch',
      // Openers of yes/no questions (already stopwords: listed so the Discord adapter knows them too).
      'welchem',
      'ist',
      'sind',
      'hat',
      'haben',
      'kann',
      'können',
      'könnte',
      'muss',
      'soll',
      'sollte',
      'wird',
      'werden',
      'war',
      'waren',
    ],
  },
  {
    code: 'fr',
    code3: 'fra',
    stem: french,
    stopwords: frenchStop,
    questionWords: [
      'quoi',
      'qui',
      'quand',
      'où',
      'pourquoi',
      'comment',
      'quel',
      'quelle',
      'quels',
      'quelles',
      'combien',
      'est-ce',
    ],
  },
  {
    code: 'es',
    code3: 'spa',
    stem: spanish,
    stopwords: spanishStop,
    questionWords: ['qué', 'quién', 'cuándo', 'dónde', 'por qué', 'cómo', 'cuál', 'cuánto', 'cuántos'],
  },
  {
    code: 'it',
    code3: 'ita',
    stem: italian,
    stopwords: italianStop,
    questionWords: ['cosa', 'chi', 'quando', 'dove', 'perché', 'come', 'quale', 'quanto', 'quanti'],
  },
  {
    code: 'pt',
    code3: 'por',
    stem: portuguese,
    stopwords: portugueseStop,
    questionWords: ['que', 'quem', 'quando', 'onde', 'porque', 'como', 'qual', 'quanto', 'quantos'],
  },
  {
    code: 'nl',
    code3: 'nld',
    stem: dutch,
    stopwords: dutchStop,
    questionWords: ['wat', 'wie', 'wanneer', 'waar', 'waarom', 'hoe', 'welke', 'hoeveel'],
  },
  { code: 'da', code3: 'dan', stem: danish, stopwords: danishStop },
  { code: 'sv', code3: 'swe', stem: swedish, stopwords: swedishStop },
  { code: 'nb', code3: 'nob', stem: norwegian, stopwords: norwegianStop },
  { code: 'no', code3: 'nor', stem: norwegian, stopwords: norwegianStop },
  { code: 'fi', code3: 'fin', stem: finnish, stopwords: finnishStop },
  { code: 'ru', code3: 'rus', stem: russian, stopwords: russianStop },
  { code: 'uk', code3: 'ukr', stem: ukrainian, stopwords: ukrainianStop },
  { code: 'bg', code3: 'bul', stem: bulgarian, stopwords: bulgarianStop },
  { code: 'sr', code3: 'srp', stem: serbian, stopwords: serbianStop },
  { code: 'hu', code3: 'hun', stem: hungarian, stopwords: hungarianStop },
  { code: 'ro', code3: 'ron', stem: romanian, stopwords: romanianStop },
  { code: 'el', code3: 'ell', stem: greek, stopwords: greekStop },
  { code: 'tr', code3: 'tur', stem: turkish, stopwords: turkishStop },
  { code: 'ar', code3: 'arb', stem: arabic, stopwords: arabicStop },
  { code: 'hy', code3: 'hye', stem: armenian, stopwords: armenianStop },
  { code: 'id', code3: 'ind', stem: indonesian, stopwords: indonesianStop },
  { code: 'ga', code3: 'gle', stem: irish, stopwords: irishStop },
  { code: 'lt', code3: 'lit', stem: lithuanian, stopwords: lithuanianStop },
  { code: 'ne', code3: 'npi', stem: nepali, stopwords: nepaliStop },
  { code: 'ta', code3: 'tam', stem: tamil, stopwords: tamilStop },
  { code: 'sl', code3: 'slv', stopwords: slovenianStop },
  { code: 'ja', code3: 'jpn', stopwords: japaneseStop },
  { code: 'zh', code3: 'cmn', stopwords: mandarinStop },
  // Languages franc can name that have no stemmer or stopwords here: analysed unstemmed.
  { code: 'pl', code3: 'pol', stopwords: [] },
  { code: 'cs', code3: 'ces', stopwords: [] },
  { code: 'hr', code3: 'hrv', stopwords: [] },
  { code: 'sk', code3: 'slk', stopwords: [] },
  { code: 'ko', code3: 'kor', stopwords: [] },
  { code: 'vi', code3: 'vie', stopwords: [] },
  { code: 'fa', code3: 'pes', stopwords: [] },
  { code: 'he', code3: 'heb', stopwords: [] },
  { code: 'hi', code3: 'hin', stopwords: [] },
  { code: 'th', code3: 'tha', stopwords: [] },
];

const byCode = new Map(table.map((l) => [l.code, l]));
const byCode3 = new Map(table.map((l) => [l.code3, l]));

/** The code of a language nobody could determine. */
export const UNDETERMINED = 'und';

const unknown: LanguageSupport = { code: UNDETERMINED, code3: 'und', stopwords: [] };

/** Normalises a language tag (`de-DE`, `EN`, `pt_BR`) to its primary subtag, or `und`. */
export function normaliseLanguageTag(tag: string | undefined): string {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : UNDETERMINED;
}

/** Support for a language by ISO 639-1 code; unknown languages get no stemmer and no stopwords. */
export function languageSupport(code: string): LanguageSupport {
  return byCode.get(code) ?? { ...unknown, code };
}

/** The ISO 639-1 code for a franc ISO 639-3 code, or `und`. */
export function codeFromFranc(code3: string): string {
  return byCode3.get(code3)?.code ?? UNDETERMINED;
}

/** Every language that has a stemmer or stopwords, for detection candidates. */
export const knownLanguages: readonly LanguageSupport[] = table;
