import type { ClientOptions } from 'discord.js';
import { type BotHandle, startBot } from './adapters/discord/bot.ts';
import { createContext } from './adapters/discord/context.ts';
import type { InteractionsEndpoint } from './adapters/http/serveInteractions.ts';
import {
  ConfigError,
  configSecrets,
  DefaultTuning,
  isEntryPoint,
  loadProjectEnv,
  parseConfig,
} from './config/index.ts';
import type { KnowledgeService } from './core/operations.ts';
import { createMetrics } from './host/metrics.ts';
import { openKnowledge } from './host/openKnowledge.ts';
import { openKnowledgeInWorker } from './host/openKnowledgeInWorker.ts';
import type { SharedState } from './host/redis/sharedState.ts';
import { createLogger, type LogDestination, type Logger } from './logger.ts';
import { scrubSecrets } from './secrets.ts';
import { checkDataDir, checkKnowledgeDir } from './startupChecks.ts';
import { approvedAliases, openStore, type Store } from './store/index.ts';

/** The streams of terminal mode. */
export interface StartIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly errorOutput: NodeJS.WritableStream;
}

/** Options of {@link start} for tests; `npm start` uses none. */
export interface StartOptions {
  /** Where log lines go (default: stdout with a token, the error stream in terminal mode). */
  readonly logDestination?: LogDestination;
  /** Extra discord.js client options (a fast identify throttler in tests). */
  readonly clientOptions?: Partial<ClientOptions>;
}

/** A running citebot. */
export interface Running {
  /** `http`: a pure HTTP-interactions replica (GATEWAY=off, or INTERACTIONS_PORT without a token). */
  readonly mode: 'discord' | 'http' | 'terminal';
  readonly logger: Logger;
  readonly service: KnowledgeService;
  /** The gateway bot, in Discord mode. */
  readonly bot?: BotHandle;
  /** The HTTP interactions endpoint, when INTERACTIONS_PORT and DISCORD_PUBLIC_KEY are set. */
  readonly interactions?: InteractionsEndpoint;
  /**
   * Settles when citebot ends on its own (terminal: end of input; Discord: never before stop);
   * rejects with what to fix when Discord closed the gateway for good.
   */
  readonly finished: Promise<void>;
  /** Stops the bot or the terminal session, closes the store and the knowledge service. */
  stop(): Promise<void>;
}

const stdio: StartIo = { input: process.stdin, output: process.stdout, errorOutput: process.stderr };

/**
 * Starts citebot exactly as `npm start` does: parses `env`, opens the knowledge, then serves
 * Discord — the gateway when DISCORD_TOKEN is set (and GATEWAY is not off), the HTTP interactions
 * endpoint when INTERACTIONS_PORT and DISCORD_PUBLIC_KEY are — else answers in the terminal.
 *
 * @throws {ConfigError} when a variable is bad (its message names each one)
 * @throws Error `knowledge: …` when the knowledge cannot be loaded, or discord.js's login error
 */
export async function start(
  env: Readonly<Record<string, string | undefined>>,
  io: StartIo = stdio,
  options: StartOptions = {},
): Promise<Running> {
  const config = parseConfig(env);
  const gateway = config.discordToken !== undefined && config.gateway;
  const discord = gateway || config.interactions !== undefined;
  const destination = options.logDestination ?? (discord ? process.stdout : io.errorOutput);
  const logger = createLogger({
    level: config.logLevel,
    secrets: configSecrets(config),
    destination,
    // People at a terminal get readable lines, log shippers JSON: one format per destination.
    format: (destination as Partial<NodeJS.WriteStream>).isTTY === true ? 'readable' : 'json',
  });

  await checkKnowledgeDir(config.knowledgeDir);
  if (!discord) {
    const service = await openKnowledge({
      knowledgeDir: config.knowledgeDir,
      cacheDir: config.cacheDir,
      followOutsideLinks: config.followOutsideLinks,
      onWarning: (message) => io.errorOutput.write(`warning: ${message}\n`),
    });
    const { localBanner, runRepl } = await import('./adapters/terminal/repl.ts');
    const stats = await service.stats();
    io.output.write(`${localBanner(stats.articles, stats.passages)}\n`);
    let closed: Promise<void> | undefined;
    const close = () => {
      closed ??= service.close();
      return closed;
    };
    const finished = runRepl(service, io).finally(close);
    return { mode: 'terminal', logger, service, finished, stop: close };
  }

  await checkDataDir(config.dataDir);
  // One registry per process, for the gateway's handlers and the HTTP endpoint alike.
  const metrics = createMetrics({ processMetrics: true, index: () => service.stats() });
  // The store opens with the bot, after the first load: until then there are no aliases to index.
  let aliasesNow = async (): Promise<Record<string, string[]>> => ({});
  // Indexing runs on a worker thread so the gateway heartbeat never waits on it.
  const service = await openKnowledgeInWorker({
    aliasesNow: () => aliasesNow(),
    knowledgeDir: config.knowledgeDir,
    cacheDir: config.cacheDir,
    followOutsideLinks: config.followOutsideLinks,
    watch: true,
    onWarning: (message) => logger.warn(message),
    onRearm: (message) => logger.info(message),
    onReload: (report) => {
      metrics.reloads.inc({ trigger: 'watch', outcome: report.ok ? 'ok' : 'failed' });
      if (report.ok) {
        logger.info(
          { articles: report.stats.articles, passages: report.stats.passages },
          'knowledge: reloaded',
        );
      } else logger.warn({ error: report.error }, 'knowledge: reload failed; old index kept');
    },
  });
  const stats = await service.stats();
  logger.info(
    {
      articles: stats.articles,
      passages: stats.passages,
      skipped: stats.skipped.length,
      ms: stats.buildMs,
      fromCache: stats.fromCache,
    },
    'knowledge: loaded',
  );
  let shared: SharedState | undefined;
  let bot: BotHandle | undefined;
  let interactions: InteractionsEndpoint | undefined;
  let ownStore: Store | undefined;
  try {
    if (config.redisUrl !== undefined) {
      const { openSharedState } = await import('./host/redis/sharedState.ts');
      shared = await openSharedState({
        redisUrl: config.redisUrl,
        rateLimit: config.rateLimit,
        service,
        onWarning: (message) => logger.warn(message),
        onRemoteReload: (ok) => {
          metrics.reloads.inc({ trigger: 'remote', outcome: ok ? 'ok' : 'failed' });
          if (ok) logger.info('knowledge: reloaded, asked by another replica');
          else logger.warn('knowledge: reload asked by another replica failed; old index kept');
        },
      });
      logger.info('redis: connected; rate limits, button state and /kb reload shared with other replicas');
    }
    const sharedContext =
      shared === undefined
        ? {}
        : {
            shared: {
              rateLimiter: shared.rateLimiter,
              buttonState: shared.buttonState,
              announceReload: shared.announceReload,
              eventClaims: shared.eventClaims,
            },
          };
    if (gateway) {
      bot = await startBot(config, service, logger, {
        metrics,
        ...(options.clientOptions ? { clientOptions: options.clientOptions } : {}),
        ...sharedContext,
      });
    }
    if (config.interactions !== undefined) {
      const { serveInteractions } = await import('./adapters/http/serveInteractions.ts');
      let ctx = bot?.context;
      if (ctx === undefined) {
        ownStore = await openStore({
          dataDir: config.dataDir,
          databaseUrl: config.databaseUrl,
          onImport: (report) => logger.info(report, 'store: imported an old log once'),
        });
        ctx = createContext({
          config,
          tuning: DefaultTuning,
          service,
          logger,
          store: ownStore,
          metrics,
          ...sharedContext,
        });
      }
      interactions = await serveInteractions({
        config,
        ctx,
        logger,
        // Index loaded (the worker answers stats only then) and store reachable.
        ready: async () => (await service.stats()).articles > 0 && (await ctx.store.counts()) !== undefined,
      });
    }
    const store = bot?.context.store ?? ownStore;
    if (store !== undefined) {
      aliasesNow = () => approvedAliases(store);
      // Approved before this start: indexed now rather than at the first reload.
      if (Object.keys(await aliasesNow()).length > 0) {
        const report = await service.reload();
        if (!report.ok)
          logger.warn({ error: report.error }, 'knowledge: indexing the approved aliases failed');
      }
    }
  } catch (error) {
    await bot?.stop();
    await ownStore?.close();
    await shared?.close();
    await service.close();
    throw error;
  }
  let stopping: Promise<void> | undefined;
  let finish = () => {};
  const finished = new Promise<void>((resolve, reject) => {
    finish = resolve;
    bot?.fatal.then((message) => reject(new Error(message)));
  });
  const stop = () => {
    stopping ??= (async () => {
      try {
        await interactions?.close();
        await bot?.stop();
        await ownStore?.close();
      } finally {
        await shared?.close();
        await service.close();
        finish();
      }
    })();
    return stopping;
  };
  return {
    mode: gateway ? 'discord' : 'http',
    logger,
    service,
    ...(bot === undefined ? {} : { bot }),
    ...(interactions === undefined ? {} : { interactions }),
    finished,
    stop,
  };
}

/** `npm start`: quiet .env load, start, and a clean exit on signals or at the end of input. */
async function main(): Promise<void> {
  loadProjectEnv();
  // A signal may arrive while starting (the gateway may already be up): remember it, act once started.
  let early: NodeJS.Signals | undefined;
  let onSignal = (signal: NodeJS.Signals) => {
    early = signal;
  };
  process.once('SIGINT', (signal) => onSignal(signal));
  process.once('SIGTERM', (signal) => onSignal(signal));
  let running: Running;
  try {
    running = await start(process.env);
  } catch (error) {
    const text = error instanceof ConfigError || error instanceof Error ? error.message : String(error);
    // Config errors never hold the token; errors from discord.js might, so scrub them all.
    process.stderr.write(`${scrubSecrets(text, [process.env.DISCORD_TOKEN?.trim()])}\n`);
    process.exit(1);
  }
  const { logger } = running;
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'process: unhandled rejection'));
  process.on('uncaughtException', (error) => logger.error({ err: error }, 'process: uncaught exception'));
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'process: shutting down');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'process: shutdown failed');
        process.exit(1);
      },
    );
  };
  onSignal = shutdown;
  if (early) shutdown(early);
  try {
    await running.finished;
  } catch (error) {
    // Discord will not take the bot back: exit non-zero so a process manager notices and the
    // operator reads what to fix (logged too; stderr gets just the one line).
    await running.stop().catch(() => undefined);
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  process.exit(0);
}

if (isEntryPoint(import.meta.url)) {
  await main();
}
