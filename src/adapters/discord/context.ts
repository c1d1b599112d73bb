import { LRUCache } from 'lru-cache';
import type { Config, Tuning } from '../../config/index.ts';
import type { KnowledgeService } from '../../core/operations.ts';
import { type BotMetrics, createMetrics } from '../../host/metrics.ts';
import { RateLimiter, type UserRateLimiter } from '../../host/rateLimiter.ts';
import type { Logger } from '../../logger.ts';
import type { Store } from '../../store/index.ts';
import type { StoredState } from './buttonIds.ts';
import { type ButtonStateRemote, ButtonStateStore } from './buttonStateStore.ts';
import { type EventClaims, LocalEventClaims } from './eventClaims.ts';
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
  /** Durable state: settings, votes, unanswered questions, aliases. */
  readonly store: Store;
  readonly buttonState: ButtonStateStore<StoredState>;
  /** The answers shown under answer buttons, for Share and the votes. */
  readonly shownAnswers: ShownAnswers;
  /** Who pressed **Ask a human** recently (one ping per person per `helperPingWindowMs`). */
  readonly helperPings: LRUCache<string, true>;
  readonly counters: Counters;
  /** Claimed before a gateway message or interaction is answered, so overlapping sessions answer once. */
  readonly eventClaims: EventClaims;
  /** Answers by tier, rate-limit refusals, reloads and errors, for `GET /metrics`. */
  readonly metrics: BotMetrics;
  /**
   * Whether the gateway connection asks for the Message Content intent: at start when a channel
   * is in `questions`/`all` mode (ANSWER_CHANNEL_IDS or /config); off after a 4014.
   */
  autoAnswer: boolean;
  /** Tells the other replicas to reload after a successful `/kb reload` (with REDIS_URL). */
  readonly announceReload?: () => Promise<void>;
}

/** State shared with other replicas (src/host/redis), replacing this process's own. */
export interface SharedContext {
  readonly rateLimiter?: UserRateLimiter;
  readonly buttonState?: ButtonStateRemote;
  readonly announceReload?: () => Promise<void>;
  readonly eventClaims?: EventClaims;
}

/** Builds the per-bot state with every cache bounded by the tuning. */
export function createContext(input: {
  config: Config;
  tuning: Tuning;
  service: KnowledgeService;
  logger: Logger;
  store: Store;
  shared?: SharedContext;
  /** The process's metrics (main.ts makes one registry per process); a fresh registry otherwise. */
  metrics?: BotMetrics;
}): BotContext {
  const { config, tuning, shared, metrics, ...rest } = input;
  const onRemoteError = (error: unknown) =>
    rest.logger.warn({ err: error }, 'redis: button state not shared; it works on this replica only');
  return {
    ...rest,
    config,
    tuning,
    rateLimiter:
      shared?.rateLimiter ??
      new RateLimiter({ limit: config.rateLimit.questions, windowMs: config.rateLimit.windowMs }),
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
    helperPings: new LRUCache<string, true>({
      max: tuning.rateLimitUsersMax,
      ttl: tuning.helperPingWindowMs,
    }),
    counters: { answered: 0, unanswered: 0 },
    eventClaims:
      shared?.eventClaims ??
      new LocalEventClaims({ max: tuning.eventClaimsMax, ttlMs: tuning.eventClaimTtlMs }),
    metrics: metrics ?? createMetrics(),
    autoAnswer: config.answerChannelIds.length > 0,
  };
}
