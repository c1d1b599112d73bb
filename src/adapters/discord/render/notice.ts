import { finalize, type Reply } from './reply.ts';

/**
 * A short text message (errors, refusals, rate limits, expired buttons). `text` is citebot's own
 * wording; anything untrusted inside it must already be escaped with `safeLine`.
 */
export function renderNotice(text: string, options: { readonly ephemeral?: boolean } = {}): Reply {
  return finalize({ content: text, ephemeral: options.ephemeral ?? true });
}

/** The fixed notices, in one place so their wording stays consistent. */
export const Notices = {
  apology: 'Sorry, something went wrong while answering. Please try again in a moment.',
  expired: 'This button has expired — ask again.',
  unknownCommand: 'That command is not available any more. Try `/help`.',
  emptyQuestion: 'Please ask a question, for example `/ask question: how do I …?`',
  adminOnly: 'Only members who can manage this server may use `/kb`.',
  deleteRefused: 'Only the person who asked, or a member with Manage Messages, can delete this answer.',
  noText: 'That message has no text I could answer.',
  noSearchText: 'Please give some words to search for.',
  noArticleName: 'Please give the title or file name of an article.',
  couldNotPost: "I couldn't post in this channel, so here is the answer just for you.",
  bestMatch: "I'm not sure this answers it — the closest passage:",
  noAnswer: "I couldn't find an answer to that in the knowledge base.",
  notConfident: "I'm not confident any article answers that.",
  closestArticles: 'Closest articles:',
} as const satisfies Record<string, string>;

/** The name of one fixed notice. */
export type NoticeName = keyof typeof Notices;

/** "You're asking quickly" with the wait rounded up to whole seconds. */
export function rateLimitedText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking quickly — please wait ${seconds} s before the next question.`;
}
