/** A word found in a text, with its UTF-16 offsets. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Words are runs of letters, marks and digits, joined by inner apostrophes, hyphens are separators;
// numbers keep their thousands/decimal separators so `500,000` stays one token. As an expression:
//   /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*/gu
// scanTokens matches exactly that by hand (tokenize.test.ts compares both), without the match
// object the expression makes per word: analysing every question's pool passages made them by the
// thousand, and their garbage.
const NUMBER = 1;
const LETTER = 2; // \p{L} or \p{M}
const WORD = 4; // \p{L}, \p{M}, \p{N} or _
let classes: Uint8Array | undefined;
const astralClasses = new Map<number, number>();

function classOf(code: number): number {
  const c = String.fromCodePoint(code);
  return (
    (/\p{N}/u.test(c) ? NUMBER : 0) |
    (/[\p{L}\p{M}]/u.test(c) ? LETTER : 0) |
    (/[\p{L}\p{M}\p{N}_]/u.test(c) ? WORD : 0)
  );
}

/** The classes of the BMP's code units, made once (lone surrogates are in no class, as for the expression). */
function bmpClasses(): Uint8Array {
  if (!classes) {
    classes = new Uint8Array(0x10000);
    for (let code = 0; code < 0x10000; code++)
      if (code < 0xd800 || code > 0xdfff) classes[code] = classOf(code);
  }
  return classes;
}

// Scripts written without spaces are indexed as overlapping character pairs (as Lucene's CJK analyser).
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;

/** Splits text into word tokens with offsets. CJK runs become character bigrams. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  scanTokens(text, (token, start, end) => {
    tokens.push({ text: token, start, end });
  });
  return tokens;
}

/**
 * Calls `visit` with each token of {@link tokenize}, in order, without making token objects:
 * analysing the pool passages of every question (proximity, snippets) made them by the thousand.
 */
export function scanTokens(text: string, visit: (token: string, start: number, end: number) => void): void {
  const table = bmpClasses();
  const length = text.length;
  // The class of the code point at i, and its length in code units (2 for a surrogate pair).
  let width = 1;
  const at = (i: number): number => {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < length) {
      const low = text.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        const code = (unit - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        let c = astralClasses.get(code);
        if (c === undefined) {
          c = classOf(code);
          astralClasses.set(code, c);
        }
        width = 2;
        return c;
      }
    }
    width = 1;
    return table[unit] as number;
  };
  /** The end of the run of code points of `kind` from i. */
  const run = (i: number, kind: number): number => {
    let j = i;
    while (j < length && at(j) & kind) j += width;
    return j;
  };
  let i = 0;
  while (i < length) {
    const c = at(i);
    let end: number;
    if (c & NUMBER) {
      end = run(i, NUMBER);
      for (;;) {
        const sep = text.charCodeAt(end);
        if ((sep !== 0x2e && sep !== 0x2c) || end + 1 >= length || !(at(end + 1) & NUMBER)) break;
        end = run(end + 1, NUMBER);
      }
    } else if (c & WORD) {
      end = run(i, WORD);
      for (;;) {
        const sep = text.charCodeAt(end);
        if ((sep !== 0x27 && sep !== 0x2019) || end + 1 >= length || !(at(end + 1) & LETTER)) break;
        end = run(end + 1, LETTER);
      }
    } else {
      i += width;
      continue;
    }
    const token = text.slice(i, end);
    if (mayBeCjk(token) && cjk.test(token)) {
      for (const t of cjkTokens(token, i)) visit(t.text, t.start, t.end);
    } else {
      visit(token, i, end);
    }
    i = end;
  }
}

/** Han, Hiragana and Katakana all lie at or above U+2E80 (astral ones as surrogates above it). */
function mayBeCjk(token: string): boolean {
  for (let i = 0; i < token.length; i++) if (token.charCodeAt(i) >= 0x2e80) return true;
  return false;
}

function cjkTokens(run: string, offset: number): Token[] {
  const tokens: Token[] = [];
  pushCjk(run, offset, tokens);
  return tokens;
}

function pushCjk(run: string, offset: number, tokens: Token[]): void {
  let last = 0;
  for (const m of run.matchAll(cjkRun)) {
    if (m.index > last) {
      const before = run.slice(last, m.index);
      tokens.push({ text: before, start: offset + last, end: offset + m.index });
    }
    const chars = Array.from(m[0]);
    let pos = offset + m.index;
    if (chars.length === 1) tokens.push({ text: m[0], start: pos, end: pos + m[0].length });
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i] as string;
      const b = chars[i + 1] as string;
      tokens.push({ text: a + b, start: pos, end: pos + a.length + b.length });
      pos += a.length;
    }
    last = m.index + m[0].length;
  }
  if (last < run.length)
    tokens.push({ text: run.slice(last), start: offset + last, end: offset + run.length });
}
