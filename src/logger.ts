import type { Logger } from 'pino';
import { pino } from 'pino';
import type { LogLevel } from './config/index.ts';
import { readableLine } from './readableLog.ts';

export type { Logger } from 'pino';

/** Where log lines are written: a stream (its `error` events are handled) or any writer. */
export interface LogDestination {
  write(line: string): unknown;
  on?(event: 'error', listener: (error: Error) => void): unknown;
}

/** Options of {@link createLogger}. */
export interface LoggerOptions {
  readonly level: LogLevel;
  /** Strings that must never reach the output (the bot token), wherever they occur. */
  readonly secrets?: readonly (string | undefined)[];
  /** Defaults to standard output. */
  readonly destination?: LogDestination;
  /** `json`: one pino JSON object per line (default); `readable`: a short line for people at a terminal. */
  readonly format?: 'json' | 'readable';
  /**
   * Told once, in one line, when the destination breaks (its reader went away: EPIPE); logging
   * then stops instead of failing again. Default: standard error.
   */
  readonly notice?: LogDestination;
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
 * An interaction (or its webhook) token in a REST path — `/interactions/<id>/<token>/callback`,
 * `/webhooks/<app>/<token>/…` — as discord.js puts it into `err.url` and error messages. Such a
 * token lets anyone answer as the bot for 15 minutes.
 */
const interactionTokenInPath = /(\/(?:interactions|webhooks)\/\d{15,22}\/)[A-Za-z0-9_.-]{20,}/g;

/**
 * Replaces every occurrence of each secret in `text`, and every interaction token in a REST path.
 * Secrets shorter than 8 characters are ignored: scrubbing them would mangle ordinary words and
 * they are no real token anyway.
 */
export function scrubSecrets(text: string, secrets: readonly (string | undefined)[]): string {
  let result = text.replace(interactionTokenInPath, `$1${redacted}`);
  for (const secret of secrets) {
    if (secret !== undefined && secret.length >= 8) result = result.replaceAll(secret, redacted);
  }
  return result;
}

/**
 * A writer that can never throw or loop: the first failure of `destination` (a throw or an `error`
 * event, typically EPIPE once its reader is gone) switches it off for good and is reported once to
 * `notice`, whose own failures are ignored.
 */
function guarded(destination: LogDestination, notice: LogDestination): (line: string) => void {
  let broken = false;
  const breakOff = (error: unknown) => {
    if (broken) return;
    broken = true;
    const code = (error as NodeJS.ErrnoException | undefined)?.code ?? String(error);
    try {
      notice.write(`citebot: standard output is closed (${code}); log lines are dropped from now on\n`);
    } catch {
      // Nowhere left to say it; the bot keeps serving regardless.
    }
  };
  destination.on?.('error', breakOff);
  notice.on?.('error', () => undefined);
  return (line) => {
    if (broken) return;
    try {
      destination.write(line);
    } catch (error) {
      breakOff(error);
    }
  };
}

/**
 * A structured pino logger that never prints a secret: known fields are redacted by path, and
 * every finished line is scrubbed for the secret strings and interaction tokens, because
 * discord.js errors carry them inside messages, URLs and stacks. Writing can never throw: a
 * broken destination is dropped (see {@link LoggerOptions.notice}).
 */
export function createLogger(options: LoggerOptions): Logger {
  const write = guarded(options.destination ?? process.stdout, options.notice ?? process.stderr);
  const secrets = options.secrets ?? [];
  const readable = options.format === 'readable';
  return pino(
    {
      level: options.level,
      base: { app: 'citebot' },
      redact: { paths: redactPaths, censor: redacted },
    },
    { write: (line: string) => write(scrubSecrets(readable ? readableLine(line) : line, secrets)) },
  );
}
