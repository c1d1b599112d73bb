/**
 * `npm run bench:replicas`: answers per second and latency percentiles of 1, 2 and 3 HTTP
 * replicas (real `npm start` processes, GATEWAY off, sharing one real redis-server) under signed
 * /ask interactions from 30 users sent round-robin across the replicas. Not part of `npm test`.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from '../src/config/index.ts';
import { freePort } from '../tests/support/servers/freePort.ts';
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

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

async function waitReady(port: number): Promise<void> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`bench: replica on ${port} not ready`);
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

async function run(
  count: number,
  redisUrl: string,
  keys: ReturnType<typeof applicationKeys>,
  cacheDir: string,
) {
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'citebot-bench-replicas-'));
  try {
    for (let r = 0; r < count; r += 1) {
      const port = await freePort();
      ports.push(port);
      children.push(
        spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
          cwd: projectRoot,
          stdio: 'ignore',
          env: {
            PATH: process.env.PATH ?? '',
            HOME: tmpdir(),
            DISCORD_PUBLIC_KEY: keys.publicKeyHex,
            INTERACTIONS_PORT: String(port),
            INTERACTIONS_HOST: '127.0.0.1',
            REDIS_URL: redisUrl,
            RATE_LIMIT_QUESTIONS: '1000',
            CACHE_DIR: cacheDir,
            DATA_DIR: join(scratch, `data${r}`),
            LOG_LEVEL: 'warn',
          },
        }),
      );
    }
    await Promise.all(ports.map(waitReady));
    const latencies: number[] = [];
    let next = 0;
    let answered = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          const i = next++;
          const port = ports[i % ports.length];
          const t0 = performance.now();
          const reply = await postSigned(`http://127.0.0.1:${port}/interactions`, keys, interaction(i));
          latencies.push(performance.now() - t0);
          if (reply.status === 200 && reply.text.includes('"type":4')) answered += 1;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    return {
      replicas: count,
      answered,
      perSecond: answered / seconds,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await rm(scratch, { recursive: true, force: true });
  }
}

const redis = await startRedis();
const cacheDir = await mkdtemp(join(tmpdir(), 'citebot-bench-cache-'));
try {
  const keys = applicationKeys();
  console.log(
    `${requests} signed /ask interactions, ${users} users, ${concurrency} in flight, shipped knowledge/`,
  );
  for (const count of [1, 2, 3]) {
    const result = await run(count, redis.url, keys, cacheDir);
    console.log(
      `${result.replicas} replica(s): ${result.answered}/${requests} answered, ${result.perSecond.toFixed(0)} answers/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms`,
    );
  }
} finally {
  await redis.stop();
  await rm(cacheDir, { recursive: true, force: true });
}
