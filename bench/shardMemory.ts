/**
 * `npm run bench:shards`: resident memory a discord.js client adds for N gateway shards against the
 * loopback fake Discord, with the shards on the main thread (SimpleShardingStrategy), in worker
 * threads of `DefaultTuning.shardsPerWorker` shards (citebot with SHARD_COUNT) or one worker each. Every layout runs in
 * a fresh process so the figures do not mix. Not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { setTimeout as delay } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { workerShardingStrategy } from '../src/adapters/discord/workerSharding.ts';
import { DefaultTuning } from '../src/config/index.ts';
import { immediateIdentifyThrottler, startFakeDiscord } from '../tests/support/fakeDiscord/index.ts';

type Layout = 'main' | 'citebot' | 'worker-per-shard';
const layouts: readonly Layout[] = ['main', 'citebot', 'worker-per-shard'];
const shardCounts = [1, 8, 16] as const;

/** Logs in with `shards` shards in `layout`, waits for the heap to settle, prints the RSS growth in MB. */
async function measure(layout: Layout, shards: number): Promise<void> {
  const fake = await startFakeDiscord({ shards, guildCount: shards });
  const before = process.memoryUsage().rss;
  const client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: fake.apiUrl },
    shards: [...Array(shards).keys()],
    shardCount: shards,
    ws: {
      buildIdentifyThrottler: () => immediateIdentifyThrottler,
      ...(layout === 'main'
        ? {}
        : {
            buildStrategy: (manager) =>
              workerShardingStrategy(
                manager as never,
                layout === 'citebot' ? DefaultTuning.shardsPerWorker : 1,
              ),
          }),
    },
  });
  const ready = new Promise((resolve) => client.once('clientReady', resolve));
  await client.login(fake.token);
  await ready;
  await delay(2000);
  const grown = (process.memoryUsage().rss - before) / 1e6;
  await client.destroy();
  await fake.close();
  process.stdout.write(`${grown.toFixed(0)}\n`);
}

const [layoutArg, shardsArg] = process.argv.slice(2);
if (layoutArg !== undefined && shardsArg !== undefined) {
  await measure(layoutArg as Layout, Number(shardsArg));
} else {
  const self = fileURLToPath(import.meta.url);
  process.stdout.write(`| shards | ${layouts.join(' | ')} |\n|---|${layouts.map(() => '---').join('|')}|\n`);
  for (const shards of shardCounts) {
    const cells = layouts.map((layout) => {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, layout, String(shards)], {
        encoding: 'utf8',
      });
      return `+${out.trim().split('\n').at(-1)} MB`;
    });
    process.stdout.write(`| ${shards} | ${cells.join(' | ')} |\n`);
  }
}
