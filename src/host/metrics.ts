import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Answer, KnowledgeStats } from '../core/types.ts';

/** How an answer turned out: confident, a best match offered as such, or nothing found. */
export type AnswerTier = 'confident' | 'best_match' | 'nothing';

/** The tier of `answer` (composeAnswer's three outcomes). */
export function answerTier(answer: Answer): AnswerTier {
  if (answer.answered) return 'confident';
  return answer.citations.length > 0 ? 'best_match' : 'nothing';
}

/** What started a reload of the knowledge. */
export type ReloadTrigger = 'watch' | 'command' | 'remote';

/**
 * What every front end counts, the gateway and the HTTP endpoint alike (prom-client). Served by
 * `GET /metrics` on the HTTP interactions endpoint.
 */
export interface BotMetrics {
  readonly registry: Registry;
  /** New questions answered, by tier. */
  readonly answers: Counter<'tier'>;
  /** Time the knowledge service took for a question (new ones and More pages). */
  readonly answerSeconds: Histogram;
  /** Questions and buttons refused by the per-user rate limit. */
  readonly rateLimited: Counter;
  /** Reloads of the knowledge, by trigger and outcome (`ok`, `failed`). */
  readonly reloads: Counter<'trigger' | 'outcome'>;
  /** Handler failures the user got an apology for, by where they happened. */
  readonly errors: Counter<'where'>;
}

/** Options of {@link createMetrics}. */
export interface MetricsOptions {
  /** Also the process's own metrics (memory, CPU, event-loop lag): once per process, not in tests. */
  readonly processMetrics?: boolean;
  /** The loaded index, read at each scrape. */
  readonly index?: () => Promise<Pick<KnowledgeStats, 'passages' | 'fromCache'>>;
}

/** A fresh registry holding citebot's metrics. */
export function createMetrics(options: MetricsOptions = {}): BotMetrics {
  const registry = new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry, prefix: 'citebot_' });
  const { index } = options;
  if (index !== undefined) {
    new Gauge({
      name: 'citebot_index_passages',
      help: 'Passages in the loaded index',
      registers,
      async collect() {
        this.set((await index()).passages);
      },
    });
    new Gauge({
      name: 'citebot_index_from_cache',
      help: '1 when the loaded index was read from CACHE_DIR, 0 when it was built',
      registers,
      async collect() {
        this.set((await index()).fromCache ? 1 : 0);
      },
    });
  }
  return {
    registry,
    answers: new Counter({
      name: 'citebot_answers_total',
      help: 'New questions answered, by tier (confident, best_match, nothing)',
      labelNames: ['tier'],
      registers,
    }),
    answerSeconds: new Histogram({
      name: 'citebot_answer_seconds',
      help: 'Time the knowledge service took to answer a question',
      // bench: ask p50 a few ms, p99 45 ms at the full 60,800-passage corpus (README Performance).
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    }),
    rateLimited: new Counter({
      name: 'citebot_rate_limited_total',
      help: 'Questions and buttons refused by the per-user rate limit',
      registers,
    }),
    reloads: new Counter({
      name: 'citebot_reloads_total',
      help: 'Knowledge reloads, by trigger (watch, command, remote) and outcome (ok, failed)',
      labelNames: ['trigger', 'outcome'],
      registers,
    }),
    errors: new Counter({
      name: 'citebot_errors_total',
      help: 'Handler failures answered with an apology, by where (interaction, message, http)',
      labelNames: ['where'],
      registers,
    }),
  };
}
