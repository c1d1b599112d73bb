/**
 * `npm run bench:replicas`: answers per second and latency percentiles of 1, 2 and 3 HTTP
 * replicas (real `npm start` processes, GATEWAY off, sharing one real redis-server and one real
 * PostgreSQL) under signed /ask interactions from 30 users sent round-robin across the replicas,
 * and the Redis commands and PostgreSQL transactions each answer cost. Not part of `npm test`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { Redis } from 'ioredis';
import pg from 'pg';
import { projectRoot } from '../src/config/index.ts';
import { type ReplicaProcess, spawnReplica } from '../tests/support/replicaProcess.ts';
import { startPostgres } from '../tests/support/servers/postgres.ts';
import { startRedis } from '../tests/support/servers/redis.ts';
import { applicationKeys, postSigned } from '../tests/support/signedInteractions.ts';

const requests = 300;
const users = 30;
const concurrency = 12;
const questions = [
  "How many professionals will China's blockchain center train?",
  'Which province founded the first blockchain alliance?',
  'What is the national blockchain center?',
];
/**
 * PostgreSQL 15 backends report their statistics when idle at most every 10 s
 * (PGSTAT_IDLE_INTERVAL), and when they exit: wait that long before reading a baseline.
 */
const statsSettleMs = 11_000;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

function interaction(i: number) {
  const user = {
    id: String(100000000000000000n + BigInt(i % users)),
    username: `u${i % users}`,
    discriminator: '0',
    global_name: null,
    avatar: null,
  };
  return {
    id: String(200000000000000000n + BigInt(i)),
    application_id: '300000000000000000',
    type: 2,
    token: `bench-token-${i}-${'x'.repeat(40)}`,
    version: 1,
    locale: 'en-US',
    guild_id: '400000000000000000',
    channel_id: '500000000000000000',
    channel: { id: '500000000000000000', type: 0 },
    member: {
      user,
      roles: [],
      permissions: '0',
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { 0: '400000000000000000' },
    context: 0,
    data: {
      id: '600000000000000000',
      name: 'ask',
      type: 1,
      options: [{ name: 'question', type: 3, value: questions[i % questions.length] }],
    },
  };
}

/**
 * Calls per Redis command since the last CONFIG RESETSTAT, the bench's own commands left out. The
 * commands a Lua script runs (the rate limiter's SET NX, INCRBY, PTTL) count as well as its EVALSHA.
 */
async function redisCalls(client: Redis): Promise<Record<string, number>> {
  const calls: Record<string, number> = {};
  for (const line of (await client.info('commandstats')).split('\n')) {
    const match = /^cmdstat_([^:]+):calls=(\d+)/.exec(line.trim());
    if (match?.[1] && !/^(info|config)/.test(match[1])) calls[match[1]] = Number(match[2]);
  }
  return calls;
}

/** Bytes Redis holds for data now. */
async function redisBytes(client: Redis): Promise<number> {
  return Number(/used_memory:(\d+)/.exec(await client.info('memory'))?.[1] ?? Number.NaN);
}

/** A replica's resident memory now, from its own /metrics. */
async function residentBytes(replica: ReplicaProcess): Promise<number> {
  const page = await (await fetch(`${replica.base}/metrics`)).text();
  return Number(/^citebot_process_resident_memory_bytes (\S+)/m.exec(page)?.[1] ?? Number.NaN);
}

/** Committed transactions of the database (each statement outside a transaction is one). */
async function transactions(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      'select xact_commit as n from pg_stat_database where datname = current_database()',
    );
    return Number(result.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function run(
  count: number,
  shared: { redisUrl: string; redis: Redis; databaseUrl: string; cacheDir: string },
  keys: ReturnType<typeof applicationKeys>,
) {
  const replicas: ReplicaProcess[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'citebot-bench-replicas-'));
  try {
    for (let r = 0; r < count; r += 1) {
      replicas.push(
        await spawnReplica(`r${r}`, {
          DISCORD_PUBLIC_KEY: keys.publicKeyHex,
          REDIS_URL: shared.redisUrl,
          DATABASE_URL: shared.databaseUrl,
          RATE_LIMIT_QUESTIONS: '1000',
          KNOWLEDGE_DIR: join(projectRoot, 'knowledge'),
          CACHE_DIR: shared.cacheDir,
          DATA_DIR: join(scratch, `data${r}`),
          LOG_LEVEL: 'warn',
        }),
      );
    }
    await Promise.all(replicas.map((replica) => replica.waitReady()));
    await delay(statsSettleMs);
    await shared.redis.config('RESETSTAT');
    // Each of the bench's own statistics reads is one transaction: the second is taken off below.
    const before = await transactions(shared.databaseUrl);
    const bytesBefore = await redisBytes(shared.redis);
    const latencies: number[] = [];
    let next = 0;
    let answered = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const i = next++;
          const replica = replicas[i % replicas.length];
          const t0 = performance.now();
          const reply = await postSigned(`${replica?.base}/interactions`, keys, interaction(i));
          latencies.push(performance.now() - t0);
          if (reply.status === 200 && reply.text.includes('"type":4')) answered += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const calls = await redisCalls(shared.redis);
    const redisBytesPerAnswer = ((await redisBytes(shared.redis)) - bytesBefore) / requests;
    const rss = Math.max(...(await Promise.all(replicas.map(residentBytes))));
    // Exiting backends report what they had not reported yet.
    await Promise.all(replicas.map((replica) => replica.stop()));
    const queries = (await transactions(shared.databaseUrl)) - before - 1;
    latencies.sort((a, b) => a - b);
    const redisTotal = Object.values(calls).reduce((sum, n) => sum + n, 0);
    return {
      replicas: count,
      answered,
      perSecond: answered / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      redisPerAnswer: redisTotal / requests,
      redisCommands: Object.entries(calls)
        .map(([name, n]) => `${name} ${(n / requests).toFixed(2)}`)
        .join(', '),
      postgresPerAnswer: queries / requests,
      redisBytesPerAnswer,
      rss,
    };
  } finally {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await rm(scratch, { recursive: true, force: true });
  }
}

const [redisServer, postgres] = await Promise.all([startRedis(), startPostgres()]);
const redis = new Redis(redisServer.url);
const cacheDir = await mkdtemp(join(tmpdir(), 'citebot-bench-cache-'));
try {
  const keys = applicationKeys();
  const databaseUrl = await postgres.createDatabase('citebot_bench');
  console.log(
    `${requests} signed /ask interactions, ${users} users, ${concurrency} in flight, shipped knowledge/`,
  );
  for (const count of [1, 2, 3]) {
    const result = await run(count, { redisUrl: redisServer.url, redis, databaseUrl, cacheDir }, keys);
    console.log(
      `${result.replicas} replica(s): ${result.answered}/${requests} answered, ${result.perSecond.toFixed(0)} answers/s, ` +
        `p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms; per answer: ` +
        `Redis ${result.redisPerAnswer.toFixed(2)} commands (${result.redisCommands}), ` +
        `${(result.redisBytesPerAnswer / 1024).toFixed(1)} KiB more in Redis, ` +
        `PostgreSQL ${result.postgresPerAnswer.toFixed(2)} transactions; largest replica RSS ${(result.rss / 2 ** 20).toFixed(0)} MiB`,
    );
  }
} finally {
  redis.disconnect();
  await Promise.all([redisServer.stop(), postgres.stop()]);
  await rm(cacheDir, { recursive: true, force: true });
}
