import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIInteraction,
  APIMessage,
  APIThreadChannel,
  APIUser,
  GatewayMessageCreateDispatchData,
  RESTPostAPIInteractionCallbackJSONBody,
} from 'discord.js';
import { WebSocketServer } from 'ws';
import { FakeGateway } from './gateway.ts';
import { message } from './payloads/messages.ts';
import type { FaultHandle, FaultOptions } from './rest/faults.ts';
import { FakeRest } from './rest/handleRequest.ts';
import { describeRequests, matches, type RecordedRequest, type RequestMatcher } from './rest/recorder.ts';
import { Waiter } from './waiter.ts';
import { FakeWorld, type FakeWorldOptions } from './world.ts';

/** Options for {@link startFakeDiscord}. */
export interface FakeDiscordOptions extends FakeWorldOptions {
  /** `heartbeat_interval` the gateway announces in HELLO, in ms. Default 1000 (Discord: 41250). */
  readonly heartbeatIntervalMs?: number;
  /** Timeout of the `waitFor…` helpers when none is given, in ms. Default 5000. */
  readonly defaultTimeoutMs?: number;
}

/** The route template of the interaction callback, for matchers and `failNext`. */
export const CALLBACK_ROUTE = 'POST /interactions/:id/:token/callback';

/**
 * A loopback Discord: REST under {@link FakeDiscord.apiUrl} and the gateway on the same
 * 127.0.0.1 port. See README.md beside this file for how a test uses it.
 */
export class FakeDiscord {
  readonly world: FakeWorld;
  readonly gateway: FakeGateway;
  readonly rest: FakeRest;
  readonly #server: Server;
  readonly #sockets: WebSocketServer;
  readonly #waiter: Waiter;
  readonly #defaultTimeoutMs: number;

  private constructor(options: FakeDiscordOptions) {
    this.world = new FakeWorld(options);
    this.#waiter = new Waiter();
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 5000;
    this.gateway = new FakeGateway(this.world, this.#waiter, {
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 1000,
      baseUrl: () => this.gatewayUrl,
    });
    this.rest = new FakeRest(this.world, this.#waiter, () => this.gatewayUrl);
    this.#server = createServer((request, response) => {
      this.rest.handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ message: `fakeDiscord bug: ${String(error)}`, code: 0 }));
      });
    });
    this.#sockets = new WebSocketServer({ server: this.#server });
    this.#sockets.on('connection', (socket, request) => this.gateway.accept(socket, request));
  }

  /** Starts a fake on a random free port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const fake = new FakeDiscord(options);
    await new Promise<void>((resolve, reject) => {
      fake.#server.once('error', reject);
      fake.#server.listen(0, '127.0.0.1', () => resolve());
    });
    return fake;
  }

  get port(): number {
    return (this.#server.address() as AddressInfo).port;
  }

  /** For `new Client({ rest: { api: fake.apiUrl } })` or citebot's `DISCORD_API_URL` (no `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** What `GET /gateway/bot` returns as `url`. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** The bot token the fake accepts (REST `Authorization: Bot …` and gateway IDENTIFY). */
  get token(): string {
    return this.world.token;
  }

  /** Every REST request so far, in order. */
  get requests(): readonly RecordedRequest[] {
    return this.rest.requests;
  }

  /** Requests no route answered (404 `Not Found`): a test can assert there are none. */
  unexpectedRequests(): RecordedRequest[] {
    return this.rest.requests.filter((request) => request.route === null);
  }

  /** Recorded requests `matcher` selects. */
  requestsMatching(matcher: RequestMatcher): RecordedRequest[] {
    return this.rest.requests.filter((request) => matches(matcher, request));
  }

  /**
   * Sends a gateway dispatch (queued while no client is connected) and returns `d`. The fake learns
   * from it: an INTERACTION_CREATE's token becomes answerable, a MESSAGE_CREATE's message can be
   * replied to and its author looked up.
   */
  dispatch<T>(t: string, d: T): T {
    if (t === 'INTERACTION_CREATE') this.#learnInteraction(d as APIInteraction);
    if (t === 'MESSAGE_CREATE') this.#learnMessage(d as GatewayMessageCreateDispatchData);
    this.gateway.dispatch(t, d);
    return d;
  }

  /** `dispatch('INTERACTION_CREATE', interaction)`. */
  interact<T extends APIInteraction>(interaction: T): T {
    return this.dispatch('INTERACTION_CREATE', interaction);
  }

  /**
   * Makes the fake know an interaction that it sends to an HTTP interactions endpoint instead of
   * the gateway (as Discord does once an Interactions Endpoint URL is set): its callback and
   * webhook routes then accept the bot's answers to it. Nothing goes out on the gateway.
   */
  receiveOverHttp<T extends APIInteraction>(interaction: T): T {
    this.#learnInteraction(interaction);
    return interaction;
  }

  /** `dispatch('MESSAGE_CREATE', message)`. */
  sendMessage<T extends GatewayMessageCreateDispatchData>(message: T): T {
    return this.dispatch('MESSAGE_CREATE', message);
  }

  /**
   * A new post in the first guild's forum, as Discord delivers it: THREAD_CREATE (`newly_created`),
   * then the post's first message (its id is the thread's) in the thread.
   */
  createForumPost(options: { title: string; content: string; author?: APIUser }): {
    thread: APIThreadChannel;
    starter: GatewayMessageCreateDispatchData;
  } {
    const author = options.author ?? this.world.defaultUser;
    const thread = this.world.createForumThread(this.world.guild, {
      title: options.title,
      ownerId: author.id,
    });
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    const starter = this.sendMessage(
      message(this.world, { content: options.content, author, channelId: thread.id, id: thread.id }),
    );
    return { thread, starter };
  }

  /** Sends RECONNECT (op 7); the client resumes. */
  reconnect(): void {
    this.gateway.reconnect();
  }

  /** Kills the gateway socket without a close frame; the client resumes and gets what it missed. */
  dropConnection(): void {
    this.gateway.dropConnection();
  }

  /** Sends INVALID_SESSION (op 9, `d: resumable`); by default the client must identify again. */
  invalidateSession(resumable = false): void {
    this.gateway.invalidateSession(resumable);
  }

  /** Closes the gateway socket with `code` (e.g. 4000 → resume, 4004 → auth failed). */
  closeConnection(code: number, reason = ''): void {
    this.gateway.closeConnection(code, reason);
  }

  /**
   * Answers the next `times` (default 1) requests `matcher` selects with an error instead of the
   * route: a 429 with Discord's headers and body, a 500, or any status. Failed attempts are recorded
   * with `injected: true`.
   */
  failNext(matcher: RequestMatcher, options: FaultOptions): FaultHandle {
    return this.rest.faults.add(matcher, options);
  }

  /**
   * Handles the next `times` requests that `matcher` selects as usual (a callback is accepted),
   * but sends the answer only after `delayMs`: a response that arrives after the client's REST
   * timeout, so @discordjs/rest retries a request that already succeeded.
   */
  answerLate(matcher: RequestMatcher, delayMs: number, times = 1): void {
    this.rest.late.push({ matcher, delayMs, remaining: times });
  }

  /** The first request (already recorded or still to come) that `matcher` selects. */
  waitForRequest(matcher: RequestMatcher, timeoutMs = this.#defaultTimeoutMs): Promise<RecordedRequest> {
    return this.waitFor(
      () => this.rest.requests.find((request) => matches(matcher, request)),
      timeoutMs,
      `for a request matching ${describeMatcher(matcher)}`,
    );
  }

  /** Resolves once `count` requests `matcher` selects have been recorded. */
  waitForRequests(
    matcher: RequestMatcher,
    count: number,
    timeoutMs = this.#defaultTimeoutMs,
  ): Promise<RecordedRequest[]> {
    return this.waitFor(
      () => {
        const found = this.requestsMatching(matcher);
        return found.length >= count ? found : undefined;
      },
      timeoutMs,
      `for ${count} requests matching ${describeMatcher(matcher)}`,
    );
  }

  /** The accepted (2xx) callback request for `interaction`: what the bot first answered. */
  waitForCallback(
    interaction: APIInteraction,
    timeoutMs = this.#defaultTimeoutMs,
  ): Promise<RecordedRequest<RESTPostAPIInteractionCallbackJSONBody>> {
    return this.waitForRequest(
      (request) =>
        request.route === CALLBACK_ROUTE &&
        request.params.token === interaction.token &&
        request.status >= 200 &&
        request.status < 300,
      timeoutMs,
    ) as Promise<RecordedRequest<RESTPostAPIInteractionCallbackJSONBody>>;
  }

  /** Resolves once the client has sent `count` IDENTIFYs in total. */
  waitForIdentify(count = 1, timeoutMs = this.#defaultTimeoutMs): Promise<void> {
    return this.waitFor(
      () => (this.gateway.identifies.length >= count ? true : undefined),
      timeoutMs,
      `for ${count} IDENTIFY`,
    ).then(() => undefined);
  }

  /** Resolves once the client has sent `count` RESUMEs in total. */
  waitForResume(count = 1, timeoutMs = this.#defaultTimeoutMs): Promise<void> {
    return this.waitFor(
      () => (this.gateway.resumes.length >= count ? true : undefined),
      timeoutMs,
      `for ${count} RESUME`,
    ).then(() => undefined);
  }

  /**
   * The general form: resolves with the first value of `probe` that is not undefined, re-checked
   * whenever the fake records a request or gateway payload.
   */
  waitFor<T>(
    probe: () => T | undefined,
    timeoutMs = this.#defaultTimeoutMs,
    description = 'for a condition',
  ): Promise<T> {
    return this.#waiter.until(
      probe,
      timeoutMs,
      () => `${description}; requests so far: ${describeRequests(this.requests)}`,
    );
  }

  /** The message `@original` of an interaction currently is (reply, deferred reply, or updated message). */
  originalMessage(interaction: APIInteraction): APIMessage | undefined {
    const id = this.world.interactions.get(interaction.token)?.originalMessageId;
    return id ? this.world.messages.get(id) : undefined;
  }

  /** Stops everything: rejects pending waits, terminates sockets, closes the HTTP server. */
  async close(): Promise<void> {
    this.#waiter.cancelAll('the fake was closed');
    this.gateway.close();
    await new Promise<void>((resolve) => this.#sockets.close(() => resolve()));
    this.#server.closeAllConnections();
    await new Promise<void>((resolve, reject) =>
      this.#server.close((error) => (error ? reject(error) : resolve())),
    );
  }

  #learnInteraction(interaction: APIInteraction): void {
    this.world.rememberUser(interaction.member?.user ?? interaction.user ?? this.world.defaultUser);
    if (interaction.message && !this.world.messages.has(interaction.message.id)) {
      this.world.messages.set(interaction.message.id, interaction.message);
    }
    this.world.interactions.set(interaction.token, {
      payload: interaction,
      acknowledged: false,
      originalMessageId: null,
    });
  }

  #learnMessage(message: GatewayMessageCreateDispatchData): void {
    this.world.rememberUser(message.author);
    this.world.messages.set(message.id, message);
  }
}

/** Starts a {@link FakeDiscord} on a random free port of 127.0.0.1. */
export function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return FakeDiscord.start(options);
}

function describeMatcher(matcher: RequestMatcher): string {
  return typeof matcher === 'string' ? `'${matcher}'` : 'a predicate';
}
