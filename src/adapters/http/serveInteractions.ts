import { Client, Events, type Interaction } from 'discord.js';
import type { Config } from '../../config/index.ts';
import type { Logger } from '../../logger.ts';
import type { BotContext } from '../discord/context.ts';
import { handleInteraction } from '../discord/interactions.ts';
import { HttpResponder } from './httpResponder.ts';
import { createInteractionMetrics, type InteractionMetrics } from './metrics.ts';
import { startInteractionsServer } from './server.ts';
import { publicKeyFromHex } from './verifySignature.ts';

/**
 * How long an HTTP interaction waits for the handlers' first response. The handlers defer after
 * `deferAfterMs` (1.5 s) anyway; this only catches a handler that never answers, before Discord's
 * own 3 s deadline passes.
 */
const responseTimeoutMs = 2800;

/** The running endpoint. */
export interface InteractionsEndpoint {
  /** The bound port (INTERACTIONS_PORT, or the system's pick for 0). */
  readonly port: number;
  readonly metrics: InteractionMetrics;
  close(): Promise<void>;
}

/** discord.js turns a raw interaction into its objects through this internal action. */
interface WithActions {
  readonly actions: { readonly InteractionCreate: { handle(data: unknown): void } };
}

/**
 * Serves Discord's HTTP interactions endpoint with the gateway's handlers and renderer: each
 * verified request becomes a discord.js interaction of a client that never logs in (its REST
 * calls go to DISCORD_API_URL; the first response is caught and sent back in the HTTP response),
 * and goes through the same `handleInteraction` as a gateway event.
 */
export async function serveInteractions(input: {
  readonly config: Config;
  readonly ctx: BotContext;
  readonly logger: Logger;
  /** Index loaded and store reachable. */
  readonly ready: () => Promise<boolean>;
}): Promise<InteractionsEndpoint> {
  const { config, ctx, logger } = input;
  const settings = config.interactions;
  if (settings === undefined) throw new Error('http: DISCORD_PUBLIC_KEY and INTERACTIONS_PORT are needed');
  const responder = new HttpResponder();
  const client = new Client({
    intents: [],
    rest: {
      makeRequest: responder.makeRequest,
      ...(config.discordApiUrl === undefined ? {} : { api: config.discordApiUrl }),
    },
  });
  // Deleting a message (🗑) uses the bot's token; answering interactions needs none.
  if (config.discordToken !== undefined) client.rest.setToken(config.discordToken);
  client.on(Events.InteractionCreate, (interaction: Interaction) => void handleInteraction(interaction, ctx));
  // Beside the handlers' own metrics (answers, rate limits, reloads, errors): one /metrics per process.
  const metrics = createInteractionMetrics(ctx.metrics.registry);
  const server = await startInteractionsServer({
    host: settings.host,
    port: settings.port,
    publicKey: publicKeyFromHex(settings.publicKey),
    responder,
    dispatch: (interaction) =>
      (client as unknown as WithActions).actions.InteractionCreate.handle(interaction),
    ready: input.ready,
    metrics,
    responseTimeoutMs,
    onError: (error, context) => {
      ctx.metrics.errors.inc({ where: 'http' });
      logger.error({ err: error }, `http: failed ${context}`);
    },
  });
  logger.info({ host: settings.host, port: server.port }, 'http: serving interactions');
  return {
    port: server.port,
    metrics,
    async close() {
      await server.close();
      await client.destroy();
    },
  };
}
