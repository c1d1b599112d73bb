import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Asked } from './asking.ts';
import type { AnswerState } from './buttonIds.ts';
import type { ButtonStateRemote } from './buttonStateStore.ts';

/** Options of {@link ShownAnswers}. */
export interface ShownAnswersOptions {
  readonly max: number;
  readonly ttlMs: number;
  /** Shared with other replicas when given (REDIS_URL), so a vote or Share pressed on another works. */
  readonly remote?: ButtonStateRemote;
  readonly onRemoteError?: (error: unknown) => void;
}

/**
 * The answers citebot has shown, by the state of their buttons, so that 👍/👎 record the sources
 * the voter saw and Share posts the very answer that was shown — neither asks the engine again
 * (after a reload it could answer differently). Bounded and expiring like the button state.
 */
export class ShownAnswers {
  readonly #cache: LRUCache<string, Asked>;
  readonly #options: ShownAnswersOptions;

  constructor(options: ShownAnswersOptions) {
    this.#options = options;
    this.#cache = new LRUCache<string, Asked>({ max: options.max, ttl: options.ttlMs, updateAgeOnGet: true });
  }

  /** Remembers the answer shown under these buttons (and shares it in the background). */
  remember(state: AnswerState, asked: Asked): void {
    this.#cache.set(keyOf(state), asked);
    const { remote, onRemoteError } = this.#options;
    remote
      ?.save(remoteKey(state), JSON.stringify(asked), this.#options.ttlMs)
      .catch((error: unknown) => onRemoteError?.(error));
  }

  /** Brings the answer shown by another replica into memory, when it is shared and not here. */
  async fetch(state: AnswerState): Promise<void> {
    const { remote, onRemoteError } = this.#options;
    if (remote === undefined || this.#cache.has(keyOf(state))) return;
    try {
      const json = await remote.load(remoteKey(state), this.#options.ttlMs);
      if (json !== undefined) this.#cache.set(keyOf(state), JSON.parse(json) as Asked);
    } catch (error) {
      onRemoteError?.(error);
    }
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

// The shared key: short and free of the question's characters.
function remoteKey(state: AnswerState): string {
  return `shown:${createHash('sha256').update(keyOf(state)).digest('base64url')}`;
}
