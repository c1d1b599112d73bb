/**
 * Shared setup of the end-to-end tests: a loopback fake of Discord plus citebot started in-process
 * through `start()`, exactly as `npm start` starts it, pointed at the fake by DISCORD_API_URL.
 * Every bot gets its own temporary DATA_DIR and CACHE_DIR; KNOWLEDGE_DIR is the shipped
 * `knowledge/` unless a test builds its own folder with {@link knowledgeFolder}.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import type {
  APIActionRowComponent,
  APIButtonComponentWithCustomId,
  APIEmbed,
  APIInteraction,
  APIMessage,
  APIUser,
  Client,
  ClientOptions,
  GatewayDispatchPayload,
  RESTPostAPIInteractionCallbackJSONBody,
} from 'discord.js';
import { projectRoot } from '../../src/config/index.ts';
import { type Running, type StartIo, start } from '../../src/main.ts';
import {
  buttonInteraction,
  CALLBACK_ROUTE,
  type FakeDiscord,
  type FakeDiscordOptions,
  immediateIdentifyThrottler,
  type RecordedRequest,
  startFakeDiscord,
} from '../support/fakeDiscord/index.ts';

/** The shipped articles. */
const shippedKnowledge = join(projectRoot, 'knowledge');

/** One parsed pino line. */
export interface LogLine {
  readonly level: number;
  readonly msg?: string;
  readonly [key: string]: unknown;
}

/** pino's numeric levels. */
export const LogLevel = { info: 30, warn: 40, error: 50 } as const;

/** Options of {@link startCitebot}. */
export interface CitebotOptions {
  /** Options of the fake (privileged intents, …). A short heartbeat is the default. */
  readonly fake?: FakeDiscordOptions;
  /** Log in to this running fake instead of starting one (a second process of one bot); the caller closes it. */
  readonly on?: FakeDiscord;
  /**
   * More environment variables (RATE_LIMIT_QUESTIONS, …), or a function of the fake for values
   * that name its ids (ANSWER_CHANNEL_IDS).
   */
  readonly env?: Readonly<Record<string, string>> | ((fake: FakeDiscord) => Readonly<Record<string, string>>);
  /** KNOWLEDGE_DIR; default the shipped articles. */
  readonly knowledgeDir?: string;
  /** Extra discord.js client options (a short REST timeout). */
  readonly clientOptions?: Partial<ClientOptions>;
}

/** A running fake Discord with citebot logged in to it. */
export interface Citebot {
  readonly fake: FakeDiscord;
  /** The current process's citebot (replaced by {@link Citebot.restart}). */
  readonly running: Running;
  /** Every log line citebot wrote, parsed. */
  readonly logs: LogLine[];
  /** DATA_DIR (the store: settings, votes, unanswered questions, aliases). */
  readonly dataDir: string;
  /** The bot's live discord.js client. */
  client(): Client;
  /** Stops citebot and starts it again on the same fake, DATA_DIR and CACHE_DIR, as a process restart does. */
  restart(): Promise<void>;
  /** Stops citebot, then the fake, and removes the temporary folders. */
  stop(): Promise<void>;
}

/** The terminal streams `start()` wants; Discord mode never reads them. */
const unusedIo: StartIo = { input: process.stdin, output: process.stdout, errorOutput: process.stderr };

/**
 * Starts the fake and then citebot with `DISCORD_TOKEN=fake.token`, `DISCORD_API_URL=fake.apiUrl`,
 * fresh DATA_DIR and CACHE_DIR, logs captured in memory, and an identify throttler that never
 * waits. Resolves once the bot is ready (start() resolves at `clientReady`).
 */
export async function startCitebot(options: CitebotOptions = {}): Promise<Citebot> {
  const fake = options.on ?? (await startFakeDiscord({ heartbeatIntervalMs: 250, ...options.fake }));
  const closeFake = () => (options.on === undefined ? fake.close() : Promise.resolve());
  const scratch = await mkdtemp(join(tmpdir(), 'citebot-e2e-'));
  const logs: LogLine[] = [];
  const dataDir = join(scratch, 'data');
  const env = {
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    KNOWLEDGE_DIR: options.knowledgeDir ?? shippedKnowledge,
    DATA_DIR: dataDir,
    CACHE_DIR: join(scratch, 'cache'),
    LOG_LEVEL: 'info',
    ...(typeof options.env === 'function' ? options.env(fake) : options.env),
  };
  const launch = () =>
    start(env, unusedIo, {
      logDestination: { write: (line: string) => logs.push(JSON.parse(line) as LogLine) },
      clientOptions: {
        ...options.clientOptions,
        ws: { buildIdentifyThrottler: () => immediateIdentifyThrottler },
      },
    });
  let running: Running;
  try {
    running = await launch();
  } catch (error) {
    await closeFake();
    await rm(scratch, { recursive: true, force: true });
    throw error;
  }
  const botOf = (current: Running) => {
    if (current.bot === undefined) throw new Error('e2e: citebot started without a bot');
    return current.bot;
  };
  botOf(running);
  return {
    fake,
    get running() {
      return running;
    },
    logs,
    dataDir,
    client: () => botOf(running).client,
    async restart() {
      await running.stop();
      running = await launch();
    },
    async stop() {
      try {
        await running.stop();
      } finally {
        await closeFake();
        await rm(scratch, { recursive: true, force: true });
      }
    },
  };
}

/**
 * A temporary knowledge folder: the shipped articles plus `extra` files (name → text). Remove it
 * with the returned `remove()`.
 */
export async function knowledgeFolder(
  extra: Readonly<Record<string, string>>,
): Promise<{ readonly dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'citebot-e2e-knowledge-'));
  await cp(shippedKnowledge, dir, { recursive: true });
  for (const [name, text] of Object.entries(extra)) await writeFile(join(dir, name), text);
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Every callback attempt for `interaction` so far (injected failures included). */
export function callbacksOf(fake: FakeDiscord, interaction: APIInteraction): RecordedRequest[] {
  return fake.requestsMatching(
    (request) => request.route === CALLBACK_ROUTE && request.params.token === interaction.token,
  );
}

/**
 * The first callback request the bot made for `interaction`, whatever the fake answered: a test
 * then asserts its status, so a payload Discord would reject fails with the reason.
 */
export function firstCallback(
  fake: FakeDiscord,
  interaction: APIInteraction,
): Promise<RecordedRequest<RESTPostAPIInteractionCallbackJSONBody>> {
  return fake.waitFor(
    () =>
      callbacksOf(fake, interaction)[0] as
        | RecordedRequest<RESTPostAPIInteractionCallbackJSONBody>
        | undefined,
    undefined,
    'for a callback of the interaction',
  );
}

/** The created-message reply to user message `messageId`, once the bot has sent it. */
export function waitForReplyTo(fake: FakeDiscord, messageId: string): Promise<RecordedRequest> {
  return fake.waitForRequest(
    (request) =>
      request.route === 'POST /channels/:channel/messages' &&
      request.status === 200 &&
      (request.body as { message_reference?: { message_id?: string } } | undefined)?.message_reference
        ?.message_id === messageId,
  );
}

/** The message the fake stored for a created-message request. */
export function createdMessage(fake: FakeDiscord, request: RecordedRequest): APIMessage {
  const found = [...fake.world.messages.values()].find(
    (message) =>
      message.author.id === fake.world.bot.id &&
      message.channel_id === request.params.channel &&
      message.message_reference?.message_id ===
        (request.body as { message_reference?: { message_id?: string } }).message_reference?.message_id,
  );
  if (found === undefined) throw new Error('e2e: the fake stored no message for that request');
  return found;
}

type Button = APIButtonComponentWithCustomId;

/** The buttons on a message, in order. */
export function buttonsOf(message: APIMessage | undefined): Button[] {
  return (message?.components ?? []).flatMap((row) =>
    (row as APIActionRowComponent<Button>).components.filter((component) => 'custom_id' in component),
  );
}

/** The button labelled `which` or showing it as emoji (a prefix is enough: 🗑 matches 🗑️). */
export function findButton(message: APIMessage | undefined, which: string): Button | undefined {
  return buttonsOf(message).find(
    (button) => button.label === which || button.emoji?.name?.startsWith(which) === true,
  );
}

/** Clicks `which` (a label or emoji) on `message` as `user`; throws when the button is missing. */
export function click(
  fake: FakeDiscord,
  message: APIMessage | undefined,
  which: string,
  user?: APIUser,
): ReturnType<typeof buttonInteraction> {
  const button = findButton(message, which);
  if (message === undefined || button === undefined) {
    const shown = buttonsOf(message).map((b) => b.label ?? b.emoji?.name);
    throw new Error(`e2e: no '${which}' button on the message (buttons: ${JSON.stringify(shown)})`);
  }
  return fake.interact(
    buttonInteraction(fake.world, {
      customId: button.custom_id,
      message,
      ...(user === undefined ? {} : { user }),
    }),
  );
}

/**
 * Counts the MESSAGE_CREATE packets of `messageId` the client's gateway connection delivers.
 * Counted from `raw` because discord.js drops a repeated message id before `messageCreate`.
 */
export function countDeliveries(client: Client, messageId: string): { readonly count: number } {
  const counter = { count: 0 };
  client.on('raw', (packet: GatewayDispatchPayload) => {
    if (packet.t === 'MESSAGE_CREATE' && packet.d.id === messageId) counter.count += 1;
  });
  return counter;
}

/**
 * Resolves once the bot has made no REST request for `quietMs`. Only for asserting that something
 * did not happen (a second reply) after what did: a duplicate follows its original within
 * milliseconds, and a wait too short could only miss one, never make a correct bot fail.
 */
export async function settled(fake: FakeDiscord, quietMs = 300): Promise<void> {
  let seen = -1;
  while (fake.requests.length !== seen) {
    seen = fake.requests.length;
    await delay(quietMs);
  }
}

/** The first log line `accept` selects, waiting for it (re-checked on every fake event). */
export function waitForLog(bot: Citebot, accept: (line: LogLine) => boolean): Promise<LogLine> {
  return bot.fake.waitFor(() => bot.logs.find(accept), undefined, 'for a log line');
}

/** The text of every embed of a message (title, description, fields, footer), for assertions. */
export function embedText(message: { readonly embeds?: readonly APIEmbed[] } | undefined): string {
  return (message?.embeds ?? [])
    .flatMap((embed) => [
      embed.title,
      embed.description,
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      embed.footer?.text,
    ])
    .filter((part) => part !== undefined)
    .join('\n');
}
