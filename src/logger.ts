import type { Logger } from 'pino';
import { pino } from 'pino';
import type { LogLevel } from './config/index.ts';

export type { Logger } from 'pino';

/** Where log lines are written. */
export interface LogDestination {
  write(line: string): unknown;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  readonly level: LogLevel;
  /** Strings that must never reach the output (the bot token), wherever they occur. */
  readonly secrets?: readonly (string | undefined)[];
  /** Defaults to standard output. */
  readonly destination?: LogDestination;
}

const redacted = '[REDACTED]';

/** Object paths that hold secrets by name; the line scrub below catches everything else. */
const redactPaths = [
  'token',
  'discordToken',
  'DISCORD_TOKEN',
  'authorization',
  '*.token',
  '*.discordToken',
  '*.DISCORD_TOKEN',
  '*.authorization',
  'headers.authorization',
  'headers.Authorization',
  '*.headers.authorization',
  '*.headers.Authorization',
];

/**
 * Replaces every occurrence of each secret in `text`. Secrets shorter than 8 characters are
 * ignored: scrubbing them would mangle ordinary words and they are no real token anyway.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 8) result = result.replaceAll(secret, redacted);
  }
  return result;
}

/**
 * A structured pino logger that never prints a secret: known fields are redacted by path, and
 * every finished line is scrubbed for the secret strings, because discord.js errors can carry
 * the token inside a message or a stack.
 */
export function createLogger(options: LoggerOptions): Logger {
  const destination = options.destination ?? process.stdout;
  const secrets = options.secrets ?? [];
  return pino(
    {
      level: options.level,
      base: { app: 'citebot' },
      redact: { paths: redactPaths, censor: redacted },
    },
    { write: (line: string) => destination.write(scrubSecrets(line, secrets)) },
  );
}
