import { en } from '../i18n/en.ts';
import { type InterfaceLanguage, type MessageKey, translate } from '../i18n/index.ts';
import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

/**
 * A short text message (errors, refusals, rate limits, expired buttons). `text` is citebot's own
 * wording; anything untrusted inside it must already be escaped with `safeLine`.
 */
export function renderNotice(text: string, options: { readonly ephemeral?: boolean } = {}): Reply {
  return finalize({ content: text, ephemeral: options.ephemeral ?? true });
}

/** The name of one fixed notice (errors, refusals, expired buttons): its catalogue key is `notice.<name>`. */
export type NoticeName = {
  [K in MessageKey]: K extends `notice.${infer Name}` ? Name : never;
}[MessageKey];

/** A fixed notice in `language` (English when German lacks it). */
export function noticeText(name: NoticeName, language: InterfaceLanguage = 'en'): string {
  return translate(language, `notice.${name}`);
}

/** The fixed notices in English, by name (the reference wording, e.g. for tests and the terminal). */
export const Notices = Object.fromEntries(
  Object.keys(en)
    .filter((key) => key.startsWith('notice.'))
    .map((key) => [key.slice('notice.'.length), en[key as MessageKey]]),
) as Readonly<Record<NoticeName, string>>;

/** "You're asking quickly" with the wait rounded up to whole seconds. */
export function rateLimitedText(retryAfterMs: number, language: InterfaceLanguage = 'en'): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return translate(language, 'rateLimited', { seconds });
}

/**
 * The one message **Ask a human** posts, in the server's `language`: pings the helper role and
 * nothing else, names (without pinging) who asks, quotes the question and links the answer when
 * it is public.
 */
export function renderHelperPing(input: {
  readonly language: InterfaceLanguage;
  readonly roleId: string;
  readonly userId: string;
  readonly question: string;
  readonly answerUrl?: string;
}): Reply {
  const text = translate(input.language, 'helper.ping', {
    role: `<@&${input.roleId}>`,
    user: `<@${input.userId}>`,
    question: safeLine(input.question, 300),
  });
  const link =
    input.answerUrl === undefined
      ? ''
      : ` ${translate(input.language, 'helper.link', { url: input.answerUrl })}`;
  return finalize({
    content: `${text}${link}`,
    pingRoleId: input.roleId,
    namedUserIds: [input.userId],
    ephemeral: false,
  });
}
