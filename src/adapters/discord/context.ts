import { LRUCache } from 'lru-cache';
import type { Config, Tuning } from '../../config/index.ts';
import type { KnowledgeService } from '../../core/operations.ts';
import type { Logger } from '../../logger.ts';
import type { StoredState } from './buttonIds.ts';
import { type ButtonStateRemote, ButtonStateStore } from './buttonStateStore.ts';
import type { FeedbackStore } from './feedback.ts';
import { RateLimiter, type UserRateLimiter } from './rateLimiter.ts';
import { ShownAnswers } from './shownAnswers.ts';

/** Questions answered and not answered since start (`/kb stats`). */
export interface Counters {
  answered: number;
  unanswered: number;
}

/** Everything a handler needs; built once per bot. */
export interface BotContext {
  readonly config: Config;
  readonly tuning: Tuning;
  readonly service: KnowledgeService;
  readonly logger: Logger;
  readonly rateLimiter: UserRateLimiter;
  readonly feedback: FeedbackStore;
  readonly buttonState: ButtonStateStore<StoredState>;
  /** The answers shown under answer buttons, for Share and the votes. */
  readonly shownAnswers: ShownAnswers;
  /** `${messageId}:${userId}` → the vote already recorded, so a double click counts once. */
  readonly votes: LRUCache<string, 'up' | 'down'>;
  readonly counters: Counters;
  /** Whether question-like messages in ANSWER_CHANNEL_IDS are answered (off after a 4014). */
  autoAnswer: boolean;
  /** Tells the other replicas to reload after a successful `/kb reload` (with REDIS_URL). */
  readonly announceReload?: () => Promise<void>;
}

/** State shared with other replicas (src/host/redis), replacing this process's own. */
export interface SharedContext {
  readonly rateLimiter?: UserRateLimiter;
  readonly buttonState?: ButtonStateRemote;
  readonly announceReload?: () => Promise<void>;
}

/** Builds the per-bot state with every cache bounded by the tuning. */
export function createContext(input: {
  config: Config;
  tuning: Tuning;
  service: KnowledgeService;
  logger: Logger;
  feedback: FeedbackStore;
  shared?: SharedContext;
}): BotContext {
  const { config, tuning, shared, ...rest } = input;
  const onRemoteError = (error: unknown) =>
    rest.logger.warn({ err: error }, 'redis: button state not shared; it works on this replica only');
  return {
    ...rest,
    config,
    tuning,
    rateLimiter:
      shared?.rateLimiter ??
      new RateLimiter({
        limit: config.rateLimit.questions,
        windowMs: config.rateLimit.windowMs,
        maxUsers: tuning.rateLimitUsersMax,
      }),
    ...(shared?.announceReload === undefined ? {} : { announceReload: shared.announceReload }),
    buttonState: new ButtonStateStore<StoredState>({
      max: tuning.buttonStateMax,
      ttlMs: tuning.buttonStateTtlMs,
      ...(shared?.buttonState === undefined ? {} : { remote: shared.buttonState, onRemoteError }),
    }),
    shownAnswers: new ShownAnswers({
      max: tuning.buttonStateMax,
      ttlMs: tuning.buttonStateTtlMs,
      ...(shared?.buttonState === undefined ? {} : { remote: shared.buttonState, onRemoteError }),
    }),
    votes: new LRUCache<string, 'up' | 'down'>({ max: tuning.voteMemoryMax }),
    counters: { answered: 0, unanswered: 0 },
    autoAnswer: config.answerChannelIds.length > 0,
  };
}
