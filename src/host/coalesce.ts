/**
 * Makes an async task coalescing: while it runs, any number of further calls share one follow-up
 * run (which sees every change made before it started). Reload triggers (the folder watcher,
 * `/kb reload`) go through this, so a burst of them costs at most one extra rebuild.
 */
export function coalesce<T>(task: () => Promise<T>): () => Promise<T> {
  let running: Promise<T> | undefined;
  let queued: Promise<T> | undefined;
  const run = (): Promise<T> => {
    running = task().finally(() => {
      running = undefined;
    });
    return running;
  };
  return () => {
    if (!running) return run();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = undefined;
        return run();
      });
    return queued;
  };
}
