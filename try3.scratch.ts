import { Client, GatewayIntentBits, Partials, Events } from 'discord.js';
import { WorkerShardingStrategy } from '@discordjs/ws';
import { startFakeDiscord, immediateIdentifyThrottler } from './tests/support/fakeDiscord/index.ts';
const per = process.argv[2] === 'all' ? 'all' : process.argv[2] === 'main' ? 'main' : Number(process.argv[2]);
const n = Number(process.argv[3]);
const fake = await startFakeDiscord({ shards: n, guildCount: n });
const rss0 = process.memoryUsage().rss;
const client = new Client({
  intents: [GatewayIntentBits.Guilds], partials: [Partials.Channel], rest: { api: fake.apiUrl }, shards: [...Array(n).keys()], shardCount: n,
  ws: { ...(per === 'main' ? {} : { buildStrategy: (m) => new WorkerShardingStrategy(m, { shardsPerWorker: per as any }) }), buildIdentifyThrottler: () => immediateIdentifyThrottler },
});
const ready = new Promise((r) => client.once(Events.ClientReady, r));
await client.login(fake.token); await ready;
await new Promise((r) => setTimeout(r, 1500));
globalThis.gc?.();
console.log(`per=${per} shards=${n} rss_before=${(rss0/1e6).toFixed(0)}MB rss_ready=${(process.memoryUsage().rss/1e6).toFixed(0)}MB delta=${((process.memoryUsage().rss-rss0)/1e6).toFixed(0)}MB`);
process.exit(0);
