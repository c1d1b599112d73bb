/** What a scrubbed secret is replaced with, in logs and in messages. */
export const REDACTED = '[REDACTED]';

/**
 * Anything shaped like a Discord bot token: the base64 user id, a 6-character timestamp and the
 * HMAC, dot-separated. Caught even when it is not citebot's own token (another bot's, pasted
 * into an article).
 */
const botTokenPattern = /\b[MNO][A-Za-z0-9_-]{22,30}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/g;

/**
 * An interaction (or its webhook) token in a REST path — `/interactions/<id>/<token>/callback`,
 * `/webhooks/<app>/<token>/…` — as discord.js puts it into `err.url` and error messages. Such a
 * token lets anyone answer as the bot for 15 minutes.
 */
const interactionTokenInPath = /(\/(?:interactions|webhooks)\/\d{15,22}\/)[A-Za-z0-9_.-]{20,}/g;

/**
 * Replaces every occurrence of each secret in `text`, anything shaped like a bot token, and every
 * interaction token in a REST path. Secrets shorter than 8 characters are ignored: scrubbing them
 * would mangle ordinary words and they are no real secret anyway.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text.replace(interactionTokenInPath, `$1${REDACTED}`).replace(botTokenPattern, REDACTED);
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 8) result = result.replaceAll(secret, REDACTED);
  }
  return result;
}
