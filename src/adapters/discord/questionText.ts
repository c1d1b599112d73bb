/** Words that open a question in English and German (lower case). */
const questionWords = new Set([
  // English
  'what',
  "what's",
  'whats',
  'who',
  "who's",
  'whom',
  'whose',
  'which',
  'when',
  'where',
  "where's",
  'why',
  'how',
  "how's",
  'is',
  'are',
  'am',
  'was',
  'were',
  'do',
  'does',
  'did',
  'can',
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
  // German
  'was',
  'wer',
  'wen',
  'wem',
  'wessen',
  'wie',
  'wo',
  'wann',
  'warum',
  'wieso',
  'weshalb',
  'weswegen',
  'welche',
  'welcher',
  'welches',
  'welchen',
  'welchem',
  'woher',
  'wohin',
  'womit',
  'wofür',
  'worüber',
  'wozu',
  'wodurch',
  'ist',
  'sind',
  'gibt',
  'hat',
  'haben',
  'kann',
  'können',
  'könnte',
  'muss',
  'müssen',
  'darf',
  'soll',
  'sollte',
  'wird',
  'werden',
  'war',
  'waren',
]);

/**
 * Whether a message in an answer channel reads like a question: it ends with a question mark or
 * starts with a question word (English or German). Used only where citebot answers without
 * being mentioned, so it errs on the side of staying quiet.
 */
export function isQuestionLike(text: string): boolean {
  const trimmed = text.trim();
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return false;
  if (/[?？]$/u.test(trimmed) || trimmed.startsWith('¿')) return true;
  const first = /^[\p{L}']+/u.exec(trimmed.toLowerCase().replace(/’/g, "'"))?.[0];
  const words = trimmed.split(/\s+/).length;
  return first !== undefined && questionWords.has(first) && words >= 3;
}

/**
 * The question in a message addressed to the bot: its mention removed wherever it appears, and
 * whitespace collapsed. Empty when nothing is left to ask.
 */
export function stripBotMention(content: string, botId: string): string {
  return content.replaceAll(`<@${botId}>`, ' ').replaceAll(`<@!${botId}>`, ' ').replace(/\s+/g, ' ').trim();
}

/** Whether `content` mentions the bot by its own mention syntax (not merely replying to it). */
export function mentionsBot(content: string, botId: string): boolean {
  return content.includes(`<@${botId}>`) || content.includes(`<@!${botId}>`);
}

/** Whether text has anything to ask: at least one letter or digit. */
export function hasQuestion(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text);
}
