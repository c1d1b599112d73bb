import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { GatewayCloseCodes, GatewayIntentBits, GatewayOpcodes } from 'discord.js';
import type { WebSocket } from 'ws';
import { guildCreate, ready } from './payloads/guilds.ts';
import type { Waiter } from './waiter.ts';
import type { FakeWorld } from './world.ts';

/** Intents Discord makes a bot enable in the Developer Portal before it may request them. */
const PRIVILEGED_INTENTS =
  GatewayIntentBits.GuildMembers | GatewayIntentBits.GuildPresences | GatewayIntentBits.MessageContent;

/** The IDENTIFY payload (op 2) a client sent. */
export interface IdentifyRecord {
  readonly token: string;
  readonly intents: number;
  readonly properties: Readonly<Record<string, string>>;
  readonly shard?: readonly [number, number];
  readonly compress?: boolean;
  readonly large_threshold?: number;
  readonly presence?: unknown;
}

/** The RESUME payload (op 6) a client sent. */
export interface ResumeRecord {
  readonly token: string;
  readonly session_id: string;
  readonly seq: number;
}

/** A WebSocket connection the client opened: `/` for the gateway URL, `/resume` for the resume URL. */
export interface ConnectionRecord {
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

/** A closed connection: who closed it and with which code. */
export interface CloseRecord {
  readonly code: number;
  readonly reason: string;
  readonly by: 'client' | 'server';
}

/** An event the fake did not send because the session lacks the intent (as Discord would not). */
export interface DroppedEvent {
  readonly t: string;
  readonly d: unknown;
  readonly reason: string;
}

interface Connection {
  readonly socket: WebSocket;
  /** Set once IDENTIFY or RESUME succeeded on this socket. */
  authenticated: boolean;
  closedByServer: boolean;
}

interface Session {
  readonly id: string;
  readonly intents: number;
  /** `[shard_id, num_shards]` from IDENTIFY (`[0, 1]` when the client sent none). */
  readonly shard: readonly [number, number];
  seq: number;
  /** Every dispatch of the session with its `s`, so RESUME can replay what the client missed. */
  readonly history: { readonly s: number; readonly t: string; readonly d: unknown }[];
  /** The socket currently receiving this session's dispatches, or null while disconnected. */
  connection: Connection | null;
  invalid: boolean;
}

/** A session the fake holds, as a test sees it. */
export interface SessionRecord {
  readonly id: string;
  readonly shard: readonly [number, number];
  /** A client receives its dispatches now. */
  readonly live: boolean;
  /** Replaced or invalidated: it receives nothing any more. */
  readonly invalid: boolean;
}

/** An IDENTIFY Discord would have refused: its rate-limit bucket identified less than 5 s before. */
export interface EarlyIdentify {
  readonly shard: readonly [number, number];
  /** `shard_id % max_concurrency`. */
  readonly bucket: number;
  readonly sinceLastMs: number;
}

/** Discord lets each identify bucket (`shard_id % max_concurrency`) start one session per 5 s. */
const IDENTIFY_WINDOW_MS = 5000;

/** Options for {@link FakeGateway}. */
export interface FakeGatewayOptions {
  /** `heartbeat_interval` sent in HELLO. */
  readonly heartbeatIntervalMs: number;
  /** The base `ws://127.0.0.1:PORT` URL, known once the server listens. */
  readonly baseUrl: () => string;
}

/**
 * Discord's gateway: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE, RESUME → replay +
 * RESUMED, and the disruptions a bot must survive (op 7, op 9, dropped sockets). Each IDENTIFY
 * names its shard `[id, count]`; a guild's events go to every session of shard
 * `(guild_id >> 22) % count`, DMs to shard 0, as on Discord — so two sessions of one shard (a
 * restart overlapping the old process, overlapping SHARD_IDS) both receive them. Dispatches get an
 * increasing `s` within a session; while no session of their shard is live they wait: a RESUME
 * replays them with their original `s`, a fresh IDENTIFY delivers them after its GUILD_CREATEs.
 */
export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly connections: ConnectionRecord[] = [];
  readonly closes: CloseRecord[] = [];
  readonly dropped: DroppedEvent[] = [];
  /** IDENTIFYs that came sooner than `max_concurrency` allows (Discord would answer op 9). */
  readonly earlyIdentifies: EarlyIdentify[] = [];
  /** Every payload the client sent, in order (heartbeats included). */
  readonly received: { readonly op: number; readonly d: unknown }[] = [];
  heartbeats = 0;
  /** Set to false to stop answering heartbeats: the client then closes as a zombie connection. */
  ackHeartbeats = true;

  readonly #world: FakeWorld;
  readonly #waiter: Waiter;
  readonly #options: FakeGatewayOptions;
  readonly #sockets = new Set<Connection>();
  /** Every session in the order of their IDENTIFY. */
  readonly #sessions: Session[] = [];
  /** When each identify bucket last started a session. */
  readonly #lastIdentify = new Map<number, number>();
  /** Dispatches no valid session was there to take (before IDENTIFY or after op 9). */
  #pending: { t: string; d: unknown }[] = [];

  constructor(world: FakeWorld, waiter: Waiter, options: FakeGatewayOptions) {
    this.#world = world;
    this.#waiter = waiter;
    this.#options = options;
  }

  /** True while a client holds an identified or resumed session and receives dispatches. */
  get live(): boolean {
    return this.#sessions.some((session) => session.connection !== null);
  }

  /** The newest session's id, or null before the first IDENTIFY. */
  get sessionId(): string | null {
    return this.#sessions.at(-1)?.id ?? null;
  }

  /** Every session so far, oldest first. */
  get sessions(): SessionRecord[] {
    return this.#sessions.map((session) => ({
      id: session.id,
      shard: session.shard,
      live: session.connection !== null,
      invalid: session.invalid,
    }));
  }

  /** Takes over a socket the HTTP server upgraded: records it and sends HELLO. */
  accept(socket: WebSocket, request: IncomingMessage): void {
    const url = new URL(request.url ?? '/', 'ws://127.0.0.1');
    this.connections.push({ path: url.pathname, query: Object.fromEntries(url.searchParams) });
    const connection: Connection = { socket, authenticated: false, closedByServer: false };
    this.#sockets.add(connection);
    socket.on('message', (data) => this.#onMessage(connection, data.toString()));
    socket.on('close', (code, reason) => {
      this.#sockets.delete(connection);
      for (const session of this.#sessions) if (session.connection === connection) session.connection = null;
      this.closes.push({
        code,
        reason: reason.toString(),
        by: connection.closedByServer ? 'server' : 'client',
      });
      this.#waiter.notify();
    });
    socket.on('error', () => {
      // A client vanishing mid-frame is a scenario the fake creates on purpose; 'close' follows.
    });
    this.#send(connection, {
      op: GatewayOpcodes.Hello,
      d: { heartbeat_interval: this.#options.heartbeatIntervalMs },
    });
    this.#waiter.notify();
  }

  /**
   * Sends a dispatch event `t` with data `d` to every valid session of its shard (kept for a RESUME
   * while disconnected), or queues it for the next IDENTIFY of that shard.
   */
  dispatch(t: string, d: unknown): void {
    const targets = this.#sessions.filter((session) => !session.invalid && receives(session, t, d));
    if (targets.length === 0) {
      this.#pending.push({ t, d });
      return;
    }
    for (const session of targets) this.#deliver(session, t, d);
  }

  /** Sends one session its dispatch, unless its intents do not cover it. */
  #deliver(session: Session, t: string, d: unknown): void {
    const unwanted = missingIntent(session.intents, t, d);
    if (unwanted) {
      this.dropped.push({ t, d, reason: unwanted });
      this.#waiter.notify();
      return;
    }
    const entry = { s: ++session.seq, t, d: this.#visible(session, t, d) };
    session.history.push(entry);
    if (session.connection) this.#sendDispatch(session.connection, entry);
  }

  /**
   * Sends RECONNECT (op 7); the client closes and RESUMEs on `resume_gateway_url`. Dispatches wait
   * for that RESUME rather than racing the client's shutdown of the old socket.
   */
  reconnect(shardId?: number): void {
    const connection = this.#liveConnection('reconnect', shardId);
    this.#detach(connection);
    this.#send(connection, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Kills the socket without a close frame, like a network drop; the client RESUMEs. */
  dropConnection(shardId?: number): void {
    const connection = this.#liveConnection('drop', shardId);
    this.#detach(connection);
    connection.closedByServer = true;
    connection.socket.terminate();
  }

  /**
   * Sends INVALID_SESSION (op 9). With `resumable` false (the default) the session is gone: the client
   * must IDENTIFY again, and events dispatched until then are delivered after the new READY.
   */
  invalidateSession(resumable = false, shardId?: number): void {
    const connection = this.#liveConnection('invalidate', shardId);
    const session = this.#sessionOn(connection);
    this.#detach(connection);
    if (!resumable && session) session.invalid = true;
    this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** Closes the live socket with a close code, e.g. 4000 (the client resumes) or 4014. */
  closeConnection(code: number, reason = '', shardId?: number): void {
    const connection = this.#liveConnection('close', shardId);
    this.#detach(connection);
    connection.closedByServer = true;
    connection.socket.close(code, reason);
  }

  /** Terminates every socket; the fake is shutting down. */
  close(): void {
    for (const connection of this.#sockets) {
      connection.closedByServer = true;
      connection.socket.terminate();
    }
  }

  #onMessage(connection: Connection, text: string): void {
    let payload: { op?: unknown; d?: unknown };
    try {
      payload = JSON.parse(text);
    } catch {
      this.#closeWith(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    const { op, d } = payload;
    if (typeof op !== 'number') {
      this.#closeWith(connection, GatewayCloseCodes.DecodeError, 'Error while decoding payload.');
      return;
    }
    this.received.push({ op, d });
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        this.heartbeats++;
        if (this.ackHeartbeats) this.#send(connection, { op: GatewayOpcodes.HeartbeatAck });
        break;
      case GatewayOpcodes.Identify:
        this.#identify(connection, d as IdentifyRecord);
        break;
      case GatewayOpcodes.Resume:
        this.#resume(connection, d as ResumeRecord);
        break;
      case GatewayOpcodes.PresenceUpdate:
      case GatewayOpcodes.VoiceStateUpdate:
      case GatewayOpcodes.RequestGuildMembers:
      case GatewayOpcodes.RequestSoundboardSounds:
        if (!connection.authenticated)
          this.#closeWith(connection, GatewayCloseCodes.NotAuthenticated, 'Not authenticated.');
        break;
      default:
        this.#closeWith(connection, GatewayCloseCodes.UnknownOpcode, 'Unknown opcode.');
    }
    this.#waiter.notify();
  }

  #identify(connection: Connection, identify: IdentifyRecord): void {
    this.identifies.push(identify);
    if (connection.authenticated) {
      this.#closeWith(connection, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (identify.token !== this.#world.token) {
      this.#closeWith(connection, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    if (!Number.isInteger(identify.intents)) {
      this.#closeWith(connection, GatewayCloseCodes.InvalidIntents, 'Invalid intent(s).');
      return;
    }
    if ((identify.intents & PRIVILEGED_INTENTS & ~this.#world.enabledPrivilegedIntents) !== 0) {
      this.#closeWith(connection, GatewayCloseCodes.DisallowedIntents, 'Disallowed intent(s).');
      return;
    }
    const shard = identify.shard ?? ([0, 1] as const);
    const [shardId, shardCount] = shard;
    if (!Number.isInteger(shardId) || !Number.isInteger(shardCount) || shardId < 0 || shardId >= shardCount) {
      this.#closeWith(connection, GatewayCloseCodes.InvalidShard, 'Invalid shard.');
      return;
    }
    this.#noteIdentify(shard);
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents: identify.intents,
      shard,
      seq: 0,
      history: [],
      connection: null,
      invalid: false,
    };
    // The shard's earlier sessions that lost their client are over; live ones keep receiving.
    for (const older of this.#sessions) {
      if (older.shard[0] === shardId && older.shard[1] === shardCount && older.connection === null)
        older.invalid = true;
    }
    this.#sessions.push(session);
    connection.authenticated = true;
    session.connection = connection;
    const guilds = this.#world.guilds.filter(
      (guild) => this.#world.shardOf(guild.id, shardCount) === shardId,
    );
    this.#deliver(
      session,
      'READY',
      ready(this.#world, session.id, `${this.#options.baseUrl()}/resume`, shard, guilds),
    );
    for (const guild of guilds) this.#deliver(session, 'GUILD_CREATE', guildCreate(this.#world, guild));
    const pending = this.#pending;
    this.#pending = [];
    for (const event of pending) {
      if (receives(session, event.t, event.d)) this.#deliver(session, event.t, event.d);
      else this.#pending.push(event);
    }
  }

  /** Records an IDENTIFY that came sooner than its bucket may start a session again. */
  #noteIdentify(shard: readonly [number, number]): void {
    const bucket = shard[0] % this.#world.maxConcurrency;
    const now = Date.now();
    const last = this.#lastIdentify.get(bucket);
    if (last !== undefined && now - last < IDENTIFY_WINDOW_MS) {
      this.earlyIdentifies.push({ shard, bucket, sinceLastMs: now - last });
    }
    this.#lastIdentify.set(bucket, now);
  }

  #resume(connection: Connection, resume: ResumeRecord): void {
    this.resumes.push(resume);
    if (connection.authenticated) {
      this.#closeWith(connection, GatewayCloseCodes.AlreadyAuthenticated, 'Already authenticated.');
      return;
    }
    if (resume.token !== this.#world.token) {
      this.#closeWith(connection, GatewayCloseCodes.AuthenticationFailed, 'Authentication failed.');
      return;
    }
    const session = this.#sessions.find((candidate) => candidate.id === resume.session_id);
    if (!session || session.invalid) {
      this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: false });
      return;
    }
    if (resume.seq > session.seq) {
      this.#closeWith(connection, GatewayCloseCodes.InvalidSeq, 'Invalid seq.');
      return;
    }
    if (session.connection)
      this.#closeWith(session.connection, GatewayCloseCodes.SessionTimedOut, 'Session taken over.');
    connection.authenticated = true;
    session.connection = connection;
    for (const entry of session.history) if (entry.s > resume.seq) this.#sendDispatch(connection, entry);
    this.#sendDispatch(connection, {
      s: ++session.seq,
      t: 'RESUMED',
      d: { _trace: ['["fake-gateway",{}]'] },
    });
  }

  /** Stops sending the session's dispatches to `connection` (they queue until RESUME). */
  #detach(connection: Connection): void {
    connection.authenticated = false;
    const session = this.#sessionOn(connection);
    if (session) session.connection = null;
  }

  #sessionOn(connection: Connection): Session | undefined {
    return this.#sessions.find((session) => session.connection === connection);
  }

  /** The newest live session's socket (of shard `shardId`, when given). */
  #liveConnection(action: string, shardId?: number): Connection {
    const session = this.#sessions.findLast(
      (candidate) =>
        candidate.connection !== null && (shardId === undefined || candidate.shard[0] === shardId),
    );
    const where = shardId === undefined ? '' : ` of shard ${shardId}`;
    if (!session?.connection)
      throw new Error(`fakeDiscord: cannot ${action}: no client holds a live gateway session${where}`);
    return session.connection;
  }

  /** What the session may see of a message: without MESSAGE_CONTENT, guild messages lose their content. */
  #visible(session: Session, t: string, d: unknown): unknown {
    if (t !== 'MESSAGE_CREATE' && t !== 'MESSAGE_UPDATE') return d;
    if ((session.intents & GatewayIntentBits.MessageContent) !== 0) return d;
    const message = d as { guild_id?: string; author?: { id: string }; mentions?: { id: string }[] };
    const botId = this.#world.bot.id;
    if (
      !message.guild_id ||
      message.author?.id === botId ||
      message.mentions?.some((user) => user.id === botId)
    ) {
      return d;
    }
    return { ...message, content: '', embeds: [], attachments: [], components: [], poll: undefined };
  }

  #sendDispatch(connection: Connection, entry: { s: number; t: string; d: unknown }): void {
    this.#send(connection, { op: GatewayOpcodes.Dispatch, t: entry.t, s: entry.s, d: entry.d });
  }

  #send(connection: Connection, payload: object): void {
    if (connection.socket.readyState === connection.socket.OPEN)
      connection.socket.send(JSON.stringify(payload));
  }

  #closeWith(connection: Connection, code: number, reason: string): void {
    this.#detach(connection);
    connection.closedByServer = true;
    connection.socket.close(code, reason);
  }
}

/** The guild an event belongs to: `guild_id`, or the guild itself for GUILD_CREATE/UPDATE/DELETE. */
function guildOf(t: string, d: unknown): string | undefined {
  if (typeof d !== 'object' || d === null) return undefined;
  const data = d as { guild_id?: unknown; id?: unknown };
  if (typeof data.guild_id === 'string') return data.guild_id;
  if ((t === 'GUILD_CREATE' || t === 'GUILD_UPDATE' || t === 'GUILD_DELETE') && typeof data.id === 'string')
    return data.id;
  return undefined;
}

/** Whether Discord routes this event to the session's shard: guild events by guild, the rest to shard 0. */
function receives(session: Session, t: string, d: unknown): boolean {
  const [shardId, shardCount] = session.shard;
  const guildId = guildOf(t, d);
  return (guildId === undefined ? 0 : Number((BigInt(guildId) >> 22n) % BigInt(shardCount))) === shardId;
}

/** Why Discord would not send this event to a session with `intents`, or null if it would. */
function missingIntent(intents: number, t: string, d: unknown): string | null {
  if (!t.startsWith('MESSAGE_') || t.startsWith('MESSAGE_REACTION') || t.startsWith('MESSAGE_POLL'))
    return null;
  const inGuild = typeof d === 'object' && d !== null && 'guild_id' in d && d.guild_id !== undefined;
  const needed = inGuild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
  return (intents & needed) === 0 ? `no ${GatewayIntentBits[needed]} intent` : null;
}
