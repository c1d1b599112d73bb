import type { Redis } from 'ioredis';
import { DefaultTuning } from '../../config/index.ts';
import type { KnowledgeService } from '../../core/operations.ts';
import { connectRedis } from './connectRedis.ts';
import { RedisButtonState } from './redisButtonState.ts';
import { RedisEventClaims } from './redisEventClaims.ts';
import { ReloadChannel } from './reloadChannel.ts';
import { SharedRateLimiter } from './sharedRateLimiter.ts';

/** Options of {@link openSharedState}. */
export interface SharedStateOptions {
  /** REDIS_URL. */
  readonly redisUrl: string;
  readonly rateLimit: { readonly questions: number; readonly windowMs: number };
  /** This process's knowledge: reloaded when another replica announces `/kb reload`. */
  readonly service: KnowledgeService;
  readonly onWarning: (message: string) => void;
  /** Told after a reload another replica asked for. */
  readonly onRemoteReload?: (ok: boolean) => void;
}

/** What replicas share through Redis. */
export interface SharedState {
  readonly client: Redis;
  readonly rateLimiter: SharedRateLimiter;
  /** Button state that does not fit a custom_id. */
  readonly buttonState: RedisButtonState;
  /** Gateway events claimed before answering, so overlapping sessions answer once. */
  readonly eventClaims: RedisEventClaims;
  /** Announces a successful local `/kb reload` to the other replicas. */
  announceReload(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Connects to Redis and sets up the per-user limit shared by every replica, the gateway event
 * claims and the `/kb reload` announcements (a remote announcement reloads this process's knowledge).
 *
 * @throws Error `redis: cannot connect to …`
 */
export async function openSharedState(options: SharedStateOptions): Promise<SharedState> {
  const client = await connectRedis(options.redisUrl, options.onWarning);
  const rateLimiter = new SharedRateLimiter(client, {
    limit: options.rateLimit.questions,
    windowMs: options.rateLimit.windowMs,
  });
  let reloads: ReloadChannel;
  try {
    reloads = await ReloadChannel.open(client, () => {
      options.service.reload().then(
        (report) => options.onRemoteReload?.(report.ok),
        (error: unknown) =>
          options.onWarning(`knowledge: reload asked by another replica failed: ${String(error)}`),
      );
    });
  } catch (error) {
    client.disconnect();
    throw new Error(`redis: cannot subscribe to reload announcements: ${(error as Error).message}`);
  }
  return {
    client,
    rateLimiter,
    buttonState: new RedisButtonState(client),
    eventClaims: new RedisEventClaims(client, {
      ttlMs: DefaultTuning.eventClaimTtlMs,
      fallbackMax: DefaultTuning.eventClaimsMax,
      onError: (error) =>
        options.onWarning(
          `redis: could not claim a gateway event, claimed in this process only: ${(error as Error).message}`,
        ),
    }),
    async announceReload() {
      await reloads.announce();
    },
    async close() {
      await reloads.close();
      await client.quit().catch(() => client.disconnect());
    },
  };
}
