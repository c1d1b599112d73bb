import { Client, type ClientOptions, GatewayIntentBits, Partials } from 'discord.js';
import type { Config } from '../../config/index.ts';
import { type ShardsPerWorker, shardingOptions } from './shards.ts';

/**
 * The gateway intents citebot asks for. Slash commands, the context menu, @mentions and DMs need
 * no privileged intent; only answering un-mentioned messages in ANSWER_CHANNEL_IDS needs the
 * Message Content intent, so it is requested only then.
 */
export function intentsFor(withMessageContent: boolean): GatewayIntentBits[] {
  const intents = [
    GatewayIntentBits.Guilds,
    GatewayIntentBits.GuildMessages,
    GatewayIntentBits.DirectMessages,
  ];
  if (withMessageContent) intents.push(GatewayIntentBits.MessageContent);
  return intents;
}

/**
 * A discord.js client for citebot: DMs need `Partials.Channel` (DM channels are not cached);
 * REST goes to DISCORD_API_URL when set (a proxy, or a fake in tests) and nowhere else. Allowed
 * mentions are set on every payload by `respond`, the one place that sends. With SHARD_COUNT the
 * shards run in worker threads; without it, one shard on this thread, as discord.js defaults.
 */
export function createClient(
  config: Config,
  withMessageContent: boolean,
  overrides: Partial<ClientOptions> = {},
  shardsPerWorker: ShardsPerWorker = 'all',
): Client {
  const sharding = config.shards === undefined ? {} : shardingOptions(config.shards, shardsPerWorker);
  return new Client({
    intents: intentsFor(withMessageContent),
    partials: [Partials.Channel, Partials.Message],
    ...sharding,
    ...overrides,
    ws: { ...sharding.ws, ...overrides.ws },
    rest: {
      ...overrides.rest,
      ...(config.discordApiUrl === undefined ? {} : { api: config.discordApiUrl }),
    },
  });
}
