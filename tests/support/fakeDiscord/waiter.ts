/**
 * Lets tests wait for something the fake records (a request, an IDENTIFY, …) instead of sleeping:
 * every record calls {@link Waiter.notify}, which re-checks each pending condition.
 */
export class Waiter {
  readonly #pending = new Set<{ check: () => boolean; fail: (error: Error) => void }>();

  /** Re-evaluates every pending wait; call after each change to recorded state. */
  notify(): void {
    for (const entry of [...this.#pending]) entry.check();
  }

  /**
   * Resolves with the first truthy value of `probe`, checked now and after every change; rejects
   * after `timeoutMs` with `describe()` in the message, so a failing test says what it saw instead.
   */
  until<T>(probe: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry = {
        check: () => {
          const value = probe();
          if (value === undefined) return false;
          this.#finish(entry, timer);
          resolve(value);
          return true;
        },
        fail: (error: Error) => {
          this.#finish(entry, timer);
          reject(error);
        },
      };
      const timer = setTimeout(
        () => entry.fail(new Error(`fakeDiscord: timed out after ${timeoutMs} ms ${describe()}`)),
        timeoutMs,
      );
      this.#pending.add(entry);
      entry.check();
    });
  }

  /** Rejects every pending wait, e.g. when the fake closes under a test still waiting. */
  cancelAll(reason: string): void {
    for (const entry of [...this.#pending]) entry.fail(new Error(`fakeDiscord: ${reason}`));
  }

  #finish(entry: { check: () => boolean; fail: (error: Error) => void }, timer: NodeJS.Timeout): void {
    clearTimeout(timer);
    this.#pending.delete(entry);
  }
}
