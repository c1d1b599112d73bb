import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../src/core/text/sentences.ts';

const sentences = (text: string, lang: string): string[] =>
  splitSentences(text, lang).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('keeps the German date from the shipped article in one sentence', () => {
    const text =
      'Laut ChinaNews hat China am 14. April seine erste Blockchain Innovation Alliance auf Provinzebene begrüßt .';
    expect(sentences(text, 'de')).toEqual([text]);
  });

  it('splits "Dr. Müller kam. Er ging." into two sentences', () => {
    expect(sentences('Dr. Müller kam. Er ging.', 'de')).toEqual(['Dr. Müller kam.', 'Er ging.']);
  });

  it('returns trimmed offsets into the original text', () => {
    expect(splitSentences('  Hello there.   World!\n', 'en')).toEqual([
      { start: 2, end: 14 },
      { start: 17, end: 23 },
    ]);
  });

  it('returns nothing for empty or whitespace-only text', () => {
    expect(splitSentences('', 'en')).toEqual([]);
    expect(splitSentences(' \n\t\u00a0 ', 'de')).toEqual([]);
  });

  it.each([
    ['am 14. April', 'Sie kam am 14. April nach Berlin.'],
    ['der 3. Platz', 'Er belegte im Finale den 3. Platz.'],
    ['im 19. Jahrhundert', 'Im 19. Jahrhundert war es anders.'],
    ['(1. Januar', 'Die Aufgabe läuft jährlich (1. Januar um 00:00 Uhr).'],
    ['z. B.', 'Das gilt z. B. Der Hund des Nachbarn.'],
    ['z.B.', 'Das gilt z.B. Äpfel und Birnen.'],
    ['u. a.', 'Er besuchte u. a. Berlin und Hamburg.'],
    ['d. h.', 'Es ist kaputt, d. h. Reparaturen sind nötig.'],
    ['bzw.', 'Er kommt heute bzw. Morgen früh.'],
    ['ca.', 'Die Fahrt dauert ca. 5 Stunden.'],
    ['Nr.', 'Das steht in Nr. 5 des Heftes.'],
    ['S.', 'Siehe S. 12 der Anleitung.'],
    ['vgl. Abs.', 'Das folgt vgl. Abs. 3 der Norm.'],
    ['Prof. Dr.', 'Heute spricht Prof. Dr. Weber über Blockchain.'],
  ])('keeps a German sentence with %s whole', (_, text) => {
    expect(sentences(text, 'de')).toEqual([text]);
  });

  it.each([
    ['Mr. and Mrs.', 'Mr. Smith met Mrs. Jones yesterday.'],
    ['Prof. and St.', 'Prof. Brown lives on St. Paul Street.'],
    ['vs.', 'It was Arsenal vs. Chelsea on Sunday.'],
    ['No. 5', 'They were ranked No. 5 in the league.'],
    ['e.g.', 'Use a filesystem, e.g. Btrfs or Ext4.'],
    ['i.e.', 'Use the stable branch, i.e. Bookworm today.'],
    ['etc. before lowercase', 'Apples, pears, etc. are on sale.'],
    ['initials', 'J. R. R. Tolkien wrote it.'],
    ['a middle initial', 'It was a problem for Richard M. Stallman at the time.'],
    ['version numbers', 'Install version 2.0 with Python 3.11 today.'],
    ['a decimal after an abbreviation', 'Pi is approx. 3.14 in most uses.'],
  ])('keeps an English sentence with %s whole', (_, text) => {
    expect(sentences(text, 'en')).toEqual([text]);
  });

  it('still ends sentences at abbreviations, numbers and initials that close them', () => {
    expect(sentences('Apples, pears etc. Then more.', 'en')).toEqual(['Apples, pears etc.', 'Then more.']);
    expect(sentences('Say No. That is wrong.', 'en')).toEqual(['Say No.', 'That is wrong.']);
    expect(sentences('Take vitamin C. The rest is rest.', 'en')).toEqual([
      'Take vitamin C.',
      'The rest is rest.',
    ]);
    expect(sentences('It lies between a and b. The rest is empty.', 'en')).toEqual([
      'It lies between a and b.',
      'The rest is empty.',
    ]);
    expect(sentences('In Debian Bullseye it is still version 2.0. Version 3 is next.', 'en')).toEqual([
      'In Debian Bullseye it is still version 2.0.',
      'Version 3 is next.',
    ]);
  });

  it('ends German sentences at numbers that are not ordinals', () => {
    expect(sentences('Er kam auf Platz 3. Das war gut.', 'de')).toEqual([
      'Er kam auf Platz 3.',
      'Das war gut.',
    ]);
    // From the Debian Handbook (de-DE), which ICU splits correctly.
    expect(
      sentences('Dies wird in Kapitel 13 behandelt. Kapitel 13 behandelt Arbeitsplätze.', 'de'),
    ).toHaveLength(2);
    expect(
      sentences('Es gibt weitere Level, insbesondere 3 bis 5. Standardmäßig sind sie aus.', 'de'),
    ).toHaveLength(2);
    expect(sentences('Wir treffen uns am 3. Danach essen wir.', 'de')).toEqual([
      'Wir treffen uns am 3.',
      'Danach essen wir.',
    ]);
  });

  it('reads German ordinals only in German', () => {
    expect(sentences('The value is divided by 10. For Stable this is rare.', 'de')).toHaveLength(2);
    expect(sentences('It rose on the 14. April was cold.', 'en')).toHaveLength(2);
  });

  it('ends sentences at question and exclamation marks', () => {
    expect(sentences('Really? Yes! It works... and more. Done.', 'en')).toEqual([
      'Really?',
      'Yes!',
      'It works... and more.',
      'Done.',
    ]);
  });

  it('treats und, empty, regional and malformed language tags sensibly', () => {
    const text = 'Dr. Smith came. He left.';
    const expected = ['Dr. Smith came.', 'He left.'];
    for (const lang of ['und', '', 'EN-gb', 'xx', 'not a tag!', 'zz-!!'])
      expect(sentences(text, lang)).toEqual(expected);
    expect(sentences('Sie kam am 14. April an. Er nicht.', 'de-DE')).toEqual([
      'Sie kam am 14. April an.',
      'Er nicht.',
    ]);
  });

  it('covers every non-whitespace character with sorted, non-empty, trimmed, disjoint ranges', () => {
    const token = fc.constantFrom(
      'Dr.',
      'z.',
      'B.',
      'u. a.',
      '14.',
      '3.11',
      'April',
      'Der',
      'The',
      'J.',
      'e.g.',
      'No.',
      '5',
      '.',
      '?',
      '!',
      '"',
      '(',
      ' ',
      '  ',
      '\n',
      '\n\n',
      '\u00a0',
      '\u2029',
      'a',
      'É',
      '😀',
      '\ud800',
      '\udfff',
    );
    const text = fc.oneof(
      fc.array(token, { maxLength: 40 }).map((parts) => parts.join('')),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({
        unit: fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
        maxLength: 60,
      }),
    );
    const lang = fc.constantFrom('en', 'de', 'de-DE', 'fr', 'und', '', 'zz-!!', 'ja');
    fc.assert(
      fc.property(text, lang, (input, language) => {
        const ranges = splitSentences(input, language);
        let previousEnd = 0;
        const covered = new Uint8Array(input.length);
        for (const { start, end } of ranges) {
          if (!(start >= previousEnd && start < end && end <= input.length)) return false;
          if (/\s/.test(input.charAt(start)) || /\s/.test(input.charAt(end - 1))) return false;
          covered.fill(1, start, end);
          previousEnd = end;
        }
        for (let i = 0; i < input.length; i++)
          if (covered[i] === 0 && !/\s/.test(input.charAt(i))) return false;
        return true;
      }),
      { numRuns: 1000 },
    );
  });
});
