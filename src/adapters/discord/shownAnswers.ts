import { LRUCache } from 'lru-cache';
import type { Asked } from './asking.ts';
import type { AnswerState } from './buttonIds.ts';

/**
 * The answers citebot has shown, by the state of their buttons, so that 👍/👎 record the sources
 * the voter saw and Share posts the very answer that was shown — neither asks the engine again
 * (after a reload it could answer differently). Bounded and expiring like the button state.
 */
export class ShownAnswers {
  readonly #cache: LRUCache<string, Asked>;

  constructor(options: { readonly max: number; readonly ttlMs: number }) {
    this.#cache = new LRUCache<string, Asked>({ max: options.max, ttl: options.ttlMs, updateAgeOnGet: true });
  }

  /** Remembers the answer shown under these buttons. */
  remember(state: AnswerState, asked: Asked): void {
    this.#cache.set(keyOf(state), asked);
  }

  /** The answer shown under these buttons, unless it has been forgotten (expired, restarted). */
  recall(state: AnswerState): Asked | undefined {
    return this.#cache.get(keyOf(state));
  }
}

// Everything that identifies one showing: who asked, how it was shown, which page of which question.
function keyOf(state: AnswerState): string {
  return [state.askerId, state.hidden ? 1 : 0, state.offset, state.count, state.question].join('\0');
}
