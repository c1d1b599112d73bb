/**
 * Watches a terminal session's output for its reader going away (`npm run ask < questions | head`:
 * the next write fails with EPIPE). The session then stops reading input and ends quietly, as
 * Unix tools do, instead of dying on an unhandled 'error' event or answering into the void.
 */
export interface OutputWatch {
  /** Aborted once the output broke: pass it to readline so reading input stops too. */
  readonly signal: AbortSignal;
  /** Removes the listener (the stream may outlive the session, as process.stdout does). */
  dispose(): void;
}

export function watchOutput(output: NodeJS.WritableStream): OutputWatch {
  const controller = new AbortController();
  const onError = () => controller.abort();
  output.on('error', onError);
  return {
    signal: controller.signal,
    dispose: () => output.off('error', onError),
  };
}
