/** What a scrubbed secret is replaced with, in logs and in messages. */
export const REDACTED = '[REDACTED]';

/** One token character, possibly behind a Markdown escape (`\_`) added before scrubbing. */
const tokenChar = String.raw`(?:\\?[A-Za-z0-9_-])`;

/**
 * Anything shaped like a Discord bot token: the base64 user id, a 6-character timestamp and the
 * HMAC, dot-separated. Caught even when it is not citebot's own token (another bot's, pasted
 * into an article), and when Markdown escaping has put backslashes into it.
 */
const botTokenPattern = new RegExp(
  String.raw`\b[MNO]${tokenChar}{22,30}\\?\.${tokenChar}{6}\\?\.${tokenChar}{27,40}(?![A-Za-z0-9_-])`,
  'g',
);

/** Matches `secret` also with a backslash before any of its characters (Markdown escaping). */
function escapedForm(secret: string): RegExp {
  const chars = [...secret].map((char) => `\\\\?${char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  return new RegExp(chars.join(''), 'g');
}

/**
 * An interaction (or its webhook) token in a REST path — `/interactions/<id>/<token>/callback`,
 * `/webhooks/<app>/<token>/…` — as discord.js puts it into `err.url` and error messages. Such a
 * token lets anyone answer as the bot for 15 minutes.
 */
const interactionTokenInPath = /(\/(?:interactions|webhooks)\/\d{15,22}\/)[A-Za-z0-9_.-]{20,}/g;

/**
 * Replaces every occurrence of each secret in `text` (also with Markdown escapes inside it),
 * anything shaped like a bot token, and every interaction token in a REST path. Secrets shorter than 8 characters are ignored: scrubbing them
 * would mangle ordinary words and they are no real secret anyway.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text.replace(interactionTokenInPath, `$1${REDACTED}`).replace(botTokenPattern, REDACTED);
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 8) result = result.replace(escapedForm(secret), REDACTED);
  }
  return result;
}
