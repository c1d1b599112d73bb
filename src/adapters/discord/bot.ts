import { type Client, type ClientOptions, Events } from 'discord.js';
import type { Config } from '../../config/index.ts';
import { DefaultTuning, type Tuning } from '../../config/index.ts';
import type { KnowledgeService } from '../../core/operations.ts';
import type { BotMetrics } from '../../host/metrics.ts';
import type { Logger } from '../../logger.ts';
import { openStore } from '../../store/index.ts';
import { createClient } from './client.ts';
import { type BotContext, createContext, type SharedContext } from './context.ts';
import { needsMessageContent } from './guildSettings.ts';
import { handleInteraction } from './interactions.ts';
import { handleMessage } from './messages.ts';
import { fatalCloseMessage, loginFailureMessage } from './operatorErrors.ts';
import { setRendererSecrets } from './render/index.ts';

/** Options of {@link startBot}. */
export interface BotOptions {
  /** Extra discord.js client options (tests pass a fast identify throttler). */
  readonly clientOptions?: Partial<ClientOptions>;
  readonly tuning?: Tuning;
  /** Rate limits and reload announcements shared with other replicas (REDIS_URL). */
  readonly shared?: SharedContext;
  /** The process's metrics, shared with the HTTP endpoint when one runs in this process. */
  readonly metrics?: BotMetrics;
}

/** A running bot. */
export interface BotHandle {
  /** The live client (replaced if the gateway refuses the Message Content intent). */
  readonly client: Client;
  /**
   * Settles with what to fix when the gateway closed for good (a reset token, withdrawn intents,
   * …) and discord.js will not reconnect; the bot then serves nothing and should exit.
   */
  readonly fatal: Promise<string>;
  /** The handlers' state, shared with the HTTP interactions endpoint when one runs in this process. */
  readonly context: BotContext;
  /** Closes the gateway and the store. */
  stop(): Promise<void>;
}

/** Discord's close code for a privileged intent not enabled in the Developer Portal. */
const disallowedIntents = 4014;

const messageContentHelp =
  'discord: the gateway refused the Message Content intent (close code 4014). Channels in `questions` or `all` ' +
  'mode (ANSWER_CHANNEL_IDS, /config channel) need it to read un-mentioned messages: enable "Message Content ' +
  'Intent" under Bot → Privileged Gateway Intents in the Discord Developer Portal, or set those channels to ' +
  '`mention`. Continuing without it: slash commands, @mentions, replies, DMs and the context menu work; ' +
  'un-mentioned messages are not answered automatically.';

function wire(client: Client, ctx: BotContext, onClosed: (code: number) => void): void {
  const { logger } = ctx;
  // Claimed here, not in handleInteraction: an HTTP interaction reaches one endpoint only once.
  client.on(Events.InteractionCreate, (interaction) => {
    void ctx.eventClaims.claim('interaction', interaction.id).then(
      (mine) => {
        if (mine) return handleInteraction(interaction, ctx);
        logger.debug({ interactionId: interaction.id }, 'discord: interaction answered by another session');
        return undefined;
      },
      (error: unknown) => logger.error({ err: error }, 'discord: interaction handler failed'),
    );
  });
  client.on(Events.MessageCreate, (message) => void handleMessage(message, ctx));
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
  client.on(Events.Warn, (message) => logger.warn(message));
  client.on(Events.Debug, (message) => logger.trace(message));
  client.on(Events.ShardError, (error, shardId) =>
    logger.error({ err: error, shardId }, 'discord: gateway error'),
  );
  // Also emitted when citebot itself closes the connection on stop, hence only at debug level.
  client.on(Events.ShardReconnecting, (shardId) => logger.debug({ shardId }, 'discord: reconnecting'));
  client.on(Events.ShardResume, (shardId, replayed) =>
    logger.info({ shardId, replayed }, 'discord: resumed'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) => {
    logger.warn({ shardId, code: event.code }, 'discord: gateway closed for good');
    onClosed(event.code);
  });
}

/**
 * Logs in and serves `service` on Discord until `stop()`. Resolves once the client is ready. If
 * the Message Content intent (requested only for ANSWER_CHANNEL_IDS) is refused, says what to do
 * and starts again without it, so everything else keeps working.
 */
export async function startBot(
  config: Config,
  service: KnowledgeService,
  logger: Logger,
  options: BotOptions = {},
): Promise<BotHandle> {
  const token = config.discordToken;
  if (token === undefined) throw new Error('discord: cannot start without DISCORD_TOKEN');
  setRendererSecrets([token]);
  const store = await openStore({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    onImport: (report) => logger.info(report, 'store: imported an old log once'),
  });
  const ctx = createContext({
    config,
    tuning: options.tuning ?? DefaultTuning,
    service,
    logger,
    store,
    ...(options.shared === undefined ? {} : { shared: options.shared }),
    ...(options.metrics === undefined ? {} : { metrics: options.metrics }),
  });
  ctx.autoAnswer = await needsMessageContent(store, config);
  let stopped = false;
  let current: Client | undefined;
  let failFatally: (message: string) => void = () => {};
  const fatal = new Promise<string>((resolve) => {
    failFatally = (message) => {
      if (stopped) return;
      logger.fatal(message);
      resolve(message);
    };
  });

  const connect = async (withMessageContent: boolean): Promise<Client> => {
    const client = createClient(
      config,
      withMessageContent,
      options.clientOptions,
      ctx.tuning.shardsPerWorker,
    );
    let refused = false;
    let live = false;
    wire(client, ctx, (code) => {
      if (code === disallowedIntents) refused = true;
      // Closed at login: the login failure below handles it.
      if (!live || stopped) return;
      // Refused later (a new session): this client is dead, so start over without the intent.
      if (code === disallowedIntents && withMessageContent) void fallBack(client);
      else {
        const message = fatalCloseMessage(code);
        if (message !== undefined) failFatally(message);
      }
    });
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    try {
      await client.login(token);
      await ready;
    } catch (error) {
      await client.destroy();
      if (withMessageContent && (refused || /disallowed intents/i.test(String(error)))) {
        logger.error(messageContentHelp);
        ctx.autoAnswer = false;
        return connect(false);
      }
      throw new Error(loginFailureMessage(error, config.discordApiUrl), { cause: error });
    }
    live = true;
    logger.info(
      {
        user: client.user?.tag,
        guilds: client.guilds.cache.size,
        messageContent: withMessageContent,
        ...(config.shards === undefined
          ? {}
          : { shards: client.options.shards, shardCount: client.options.shardCount }),
      },
      'discord: ready',
    );
    return client;
  };

  const fallBack = async (dead: Client): Promise<void> => {
    logger.error(messageContentHelp);
    ctx.autoAnswer = false;
    await dead.destroy();
    try {
      current = await connect(false);
    } catch (error) {
      failFatally(
        `discord: cannot reconnect without the Message Content intent: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };

  try {
    current = await connect(ctx.autoAnswer);
  } catch (error) {
    await store.close();
    throw error;
  }

  return {
    get client() {
      return current as Client;
    },
    fatal,
    context: ctx,
    async stop() {
      if (stopped) return;
      stopped = true;
      await current?.destroy();
      await store.close();
      logger.info('discord: stopped');
    },
  };
}
