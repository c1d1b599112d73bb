/** Knobs of the Discord adapter that are not worth an environment variable. */
export interface Tuning {
  /** How long an interaction handler waits for the service before deferring (Discord allows 3 s). */
  readonly deferAfterMs: number;
  /** How long autocomplete waits for suggestions before answering with none (no defer exists). */
  readonly autocompleteTimeoutMs: number;
  /** Button state kept in memory when it does not fit in a custom_id. */
  readonly buttonStateMax: number;
  readonly buttonStateTtlMs: number;
  /** People remembered at once for **Ask a human** pings; the least recently seen are forgotten first. */
  readonly rateLimitUsersMax: number;
  /** How long one person waits between two **Ask a human** pings (each pings a whole role). */
  readonly helperPingWindowMs: number;
  /** Results per `/search` page. */
  readonly searchPageSize: number;
  /**
   * Gateway event ids remembered so an event two sessions received is answered once (in memory;
   * with REDIS_URL only while Redis is unreachable), and for how long.
   */
  readonly eventClaimsMax: number;
  readonly eventClaimTtlMs: number;
  /** Gateway shards per worker thread with SHARD_COUNT: `all` = one thread for this process's shards. */
  readonly shardsPerWorker: number | 'all';
  /** Embed side colour of answers. */
  readonly answerColor: number;
  readonly noAnswerColor: number;
}

/**
 * Tuning defaults in one place (the `DefaultRestOptions` pattern of @discordjs/rest).
 */
export const DefaultTuning = {
  deferAfterMs: 1500,
  autocompleteTimeoutMs: 2000,
  buttonStateMax: 5000,
  buttonStateTtlMs: 24 * 60 * 60 * 1000,
  rateLimitUsersMax: 10_000,
  helperPingWindowMs: 10 * 60 * 1000,
  searchPageSize: 5,
  eventClaimsMax: 10_000,
  // An interaction token lives 15 minutes; overlapping sessions deliver within seconds.
  eventClaimTtlMs: 15 * 60 * 1000,
  // One thread carries the frames of many shards (each a few events per second at 1,000 servers);
  // threads cost memory, not the shard count.
  shardsPerWorker: 'all',
  answerColor: 0x5865f2,
  noAnswerColor: 0x99aab5,
} as const satisfies Tuning;
