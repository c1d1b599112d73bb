/** What to do when Discord refuses the token (REST 401 at login, or gateway close 4004). */
export const tokenRefused =
  'DISCORD_TOKEN was refused by Discord: reset it in the Developer Portal (Bot → Reset Token) and update .env';

/** Gateway close codes after which discord.js never reconnects, each with what to fix. */
const fatalCloses: Readonly<Record<number, string>> = {
  4004: tokenRefused,
  4010: 'Discord closed the gateway for good (gateway close 4010, Invalid shard): citebot connects one shard; restart it',
  4011: 'Discord closed the gateway for good (gateway close 4011, Sharding required): the bot is in too many servers (2500 or more) for one connection, which citebot does not support yet',
  4012: 'Discord closed the gateway for good (gateway close 4012, Invalid API version): update discord.js (npm install)',
  4013: 'Discord closed the gateway for good (gateway close 4013, Invalid intents): update citebot and discord.js',
  4014: 'Discord closed the gateway for good (gateway close 4014, Disallowed intents) although citebot asked for no privileged intent: check the application under Bot → Privileged Gateway Intents (Message Content) in the Developer Portal and restart',
};

/**
 * The one line an operator needs when the gateway closed with `code` and discord.js will not
 * reconnect, or undefined for a code it recovers from. 4014 while the Message Content intent is
 * requested is not fatal: citebot reconnects without it (see `startBot`).
 */
export function fatalCloseMessage(code: number): string | undefined {
  return fatalCloses[code];
}

const unreachableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
]);

function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; depth++) {
    if (typeof e.code === 'string') codes.push(e.code);
    e = e.cause as typeof e;
  }
  return codes;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The one line an operator needs when logging in to Discord failed: a refused token, an
 * unreachable Discord or proxy (naming `DISCORD_API_URL` when it is set), a fatal gateway close,
 * or else the error's own message.
 */
export function loginFailureMessage(error: unknown, apiUrl: string | undefined): string {
  const codes = errorCodes(error);
  const status = (error as { status?: unknown }).status;
  if (codes.includes('TokenInvalid') || status === 401) return tokenRefused;
  const reason = messageOf(error).split('\n')[0] ?? '';
  if (/disallowed intents/i.test(reason)) return fatalCloses[4014] as string;
  const unreachable =
    codes.some((code) => unreachableCodes.has(code)) ||
    (typeof status === 'number' && status >= 500) ||
    (error as { name?: unknown }).name === 'AbortError' ||
    /fetch failed|bad gateway|service unavailable|gateway timeout/i.test(reason);
  if (!unreachable) return `discord: login failed: ${reason}`;
  return apiUrl === undefined
    ? `Discord could not be reached (${reason}): check the network connection, or set DISCORD_API_URL to a REST proxy`
    : `Discord could not be reached through DISCORD_API_URL=${apiUrl} (${reason}): start that proxy, fix the URL, or remove DISCORD_API_URL to connect to Discord directly`;
}
