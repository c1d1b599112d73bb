import { languageSupport } from '../../core/analysis/languages.ts';
import { DefaultSearchSettings } from '../../core/search/settings.ts';

/** Words that open a question in English and German (lower case): the core's question words. */
const questionWords = new Set(['en', 'de'].flatMap((code) => languageSupport(code).questionWords ?? []));

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

/**
 * The question as citebot handles it: cut, once, to the core's question length (hostile input,
 * huge pastes), for the service, the logs and the button state alike.
 */
export function cutQuestion(text: string): string {
  return text.slice(0, DefaultSearchSettings.maxQuestionChars);
}
