import type { Logger } from 'pino';
import { pino } from 'pino';
import type { LogLevel } from './config/index.ts';
import { readableLine } from './readableLog.ts';
import { REDACTED, scrubSecrets } from './secrets.ts';

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
      redact: { paths: redactPaths, censor: REDACTED },
    },
    { write: (line: string) => write(scrubSecrets(readable ? readableLine(line) : line, secrets)) },
  );
}
