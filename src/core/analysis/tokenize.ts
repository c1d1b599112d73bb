/** A word found in a text, with its UTF-16 offsets. */
export interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// Words are runs of letters, marks and digits, joined by inner apostrophes, hyphens are separators;
// numbers keep their thousands/decimal separators so `500,000` stays one token.
const word = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}]+)*/gu;
// Scripts written without spaces are indexed as overlapping character pairs (as Lucene's CJK analyser).
const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const cjkRun = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]+/gu;

/** Splits text into word tokens with offsets. CJK runs become character bigrams. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(word)) {
    const start = m.index;
    if (cjk.test(m[0])) {
      pushCjk(m[0], start, tokens);
    } else {
      tokens.push({ text: m[0], start, end: start + m[0].length });
    }
  }
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
