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
  // exec with lastIndex, not matchAll: no iterator and no copy of the expression per call.
  word.lastIndex = 0;
  for (let m = word.exec(text); m !== null; m = word.exec(text)) {
    const token = m[0];
    const start = m.index;
    if (mayBeCjk(token) && cjk.test(token)) {
      for (const t of cjkTokens(token, start)) visit(t.text, t.start, t.end);
    } else {
      visit(token, start, start + token.length);
    }
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
