import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

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
  adminOnly: 'Only members who can manage this server may use this command.',
  noHelperRole: 'This server has no helper role any more, so there is nobody to ask.',
  helperAsked: 'Asked the helpers — someone will look at your question.',
  helperAlreadyAsked: 'You asked the helpers a moment ago; please give them some time.',
  solvedRefused: 'Only the person who opened this post can mark it solved.',
  solved: '✅ Marked as solved by the author — closing this post.',
  deleteRefused: 'Only the person who asked, or a member with Manage Messages, can delete this answer.',
  noText: 'That message has no text I could answer.',
  noSearchText: 'Please give some words to search for.',
  noArticleName: 'Please give the title or file name of an article.',
  couldNotPost: "I couldn't post in this channel, so here is the answer just for you.",
  /** The one "no answer" wording of search pages; answers say it in their language (i18n). */
  noAnswer: "I couldn't find an answer to that in the articles.",
  mentionHint: 'Ask me after the mention, e.g. “@citebot how do I …?”, or use `/ask`.',
} as const satisfies Record<string, string>;

/** The name of one fixed notice. */
export type NoticeName = keyof typeof Notices;

/** "You're asking quickly" with the wait rounded up to whole seconds. */
export function rateLimitedText(retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You're asking quickly — please wait ${seconds} s before the next question.`;
}

/**
 * The one message **Ask a human** posts: pings the helper role and nothing else, names (without
 * pinging) who asks, quotes the question and links the answer when it is public.
 */
export function renderHelperPing(input: {
  readonly roleId: string;
  readonly userId: string;
  readonly question: string;
  readonly answerUrl?: string;
}): Reply {
  const link = input.answerUrl === undefined ? '' : ` (citebot's answer: ${input.answerUrl})`;
  return finalize({
    content: `<@&${input.roleId}> <@${input.userId}> would like a human to help with: “${safeLine(input.question, 300)}”${link}`,
    pingRoleId: input.roleId,
    namedUserIds: [input.userId],
    ephemeral: false,
  });
}
