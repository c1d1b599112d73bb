/**
 * Lets a test act between the walk of the knowledge folder and the reading of the files it found
 * (a file deleted mid-load). A test file mocks the walk with it — `vi.mock` is hoisted above the
 * imports, hence the import inside the factory:
 *
 * ```ts
 * vi.mock('../../src/host/walk.ts', async (original) => (await import('../support/pausedWalk.ts')).pausedWalk(original));
 * ```
 *
 * and sets `between.walkAndRead` in a test; it is cleared after each test.
 */
import { afterEach } from 'vitest';
import type * as Walk from '../../src/host/walk.ts';

/** What runs after the walk and before the reading, in the current test. */
export const between: { walkAndRead: (() => Promise<void>) | undefined } = { walkAndRead: undefined };

afterEach(() => {
  between.walkAndRead = undefined;
});

/** The factory of `vi.mock('…/src/host/walk.ts')`: the real module, `walkFiles` pausing at {@link between}. */
export async function pausedWalk(importOriginal: () => Promise<unknown>): Promise<typeof Walk> {
  const actual = (await importOriginal()) as typeof Walk;
  return {
    ...actual,
    walkFiles: async (...args: Parameters<typeof Walk.walkFiles>) => {
      const found = await actual.walkFiles(...args);
      await between.walkAndRead?.();
      return found;
    },
  };
}
