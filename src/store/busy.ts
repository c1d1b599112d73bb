import { setTimeout as delay } from 'node:timers/promises';

/**
 * Whether SQLite refused because another process holds the lock in a way the busy timeout cannot
 * wait out (a read transaction that must upgrade after another process wrote: SQLITE_BUSY_SNAPSHOT).
 */
function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Runs a multi-statement transaction again when another process on the same database got there
 * first; single statements never need this (the busy timeout waits for them).
 */
export async function retryWhenBusy<T>(work: () => Promise<T>, attempts = 20): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || attempt >= attempts) throw error;
      await delay(10 + Math.random() * 40 * attempt);
    }
  }
}
