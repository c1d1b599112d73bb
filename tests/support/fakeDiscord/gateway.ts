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
  seq: number;
  /** Every dispatch of the session with its `s`, so RESUME can replay what the client missed. */
  readonly history: { readonly s: number; readonly t: string; readonly d: unknown }[];
  /** The socket currently receiving this session's dispatches, or null while disconnected. */
  connection: Connection | null;
  invalid: boolean;
}

/** Options for {@link FakeGateway}. */
export interface FakeGatewayOptions {
  /** `heartbeat_interval` sent in HELLO. */
  readonly heartbeatIntervalMs: number;
  /** The base `ws://127.0.0.1:PORT` URL, known once the server listens. */
  readonly baseUrl: () => string;
}

/**
 * Discord's gateway for one shard: HELLO, heartbeat ACKs, IDENTIFY → READY + GUILD_CREATE,
 * RESUME → replay + RESUMED, and the disruptions a bot must survive (op 7, op 9, dropped sockets).
 * Dispatches get an increasing `s` within a session; while no session is live they wait: a RESUME
 * replays them with their original `s`, a fresh IDENTIFY delivers them after its GUILD_CREATEs.
 */
export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly resumes: ResumeRecord[] = [];
  readonly connections: ConnectionRecord[] = [];
  readonly closes: CloseRecord[] = [];
  readonly dropped: DroppedEvent[] = [];
  /** Every payload the client sent, in order (heartbeats included). */
  readonly received: { readonly op: number; readonly d: unknown }[] = [];
  heartbeats = 0;
  /** Set to false to stop answering heartbeats: the client then closes as a zombie connection. */
  ackHeartbeats = true;

  readonly #world: FakeWorld;
  readonly #waiter: Waiter;
  readonly #options: FakeGatewayOptions;
  readonly #sockets = new Set<Connection>();
  #session: Session | null = null;
  /** Dispatches made while no valid session existed (before IDENTIFY or after op 9). */
  #pending: { t: string; d: unknown }[] = [];

  constructor(world: FakeWorld, waiter: Waiter, options: FakeGatewayOptions) {
    this.#world = world;
    this.#waiter = waiter;
    this.#options = options;
  }

  /** True while a client holds an identified or resumed session and receives dispatches. */
  get live(): boolean {
    return this.#session?.connection != null;
  }

  /** The current session's id, or null before the first IDENTIFY. */
  get sessionId(): string | null {
    return this.#session?.id ?? null;
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
      if (this.#session?.connection === connection) this.#session.connection = null;
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

  /** Sends (or queues, while disconnected) a dispatch event `t` with data `d`. */
  dispatch(t: string, d: unknown): void {
    const session = this.#session;
    if (!session || session.invalid) {
      this.#pending.push({ t, d });
      return;
    }
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
  reconnect(): void {
    const connection = this.#liveConnection('reconnect');
    this.#detach(connection);
    this.#send(connection, { op: GatewayOpcodes.Reconnect, d: null });
  }

  /** Kills the socket without a close frame, like a network drop; the client RESUMEs. */
  dropConnection(): void {
    const connection = this.#liveConnection('drop');
    this.#detach(connection);
    connection.closedByServer = true;
    connection.socket.terminate();
  }

  /**
   * Sends INVALID_SESSION (op 9). With `resumable` false (the default) the session is gone: the client
   * must IDENTIFY again, and events dispatched until then are delivered after the new READY.
   */
  invalidateSession(resumable = false): void {
    const connection = this.#liveConnection('invalidate');
    this.#detach(connection);
    if (!resumable && this.#session) this.#session.invalid = true;
    this.#send(connection, { op: GatewayOpcodes.InvalidSession, d: resumable });
  }

  /** Closes the live socket with a close code, e.g. 4000 (the client resumes) or 4014. */
  closeConnection(code: number, reason = ''): void {
    const connection = this.#liveConnection('close');
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
    const session: Session = {
      id: randomBytes(16).toString('hex'),
      intents: identify.intents,
      seq: 0,
      history: [],
      connection: null,
      invalid: false,
    };
    if (this.#session) this.#session.invalid = true;
    this.#session = session;
    connection.authenticated = true;
    session.connection = connection;
    this.dispatch('READY', ready(this.#world, session.id, `${this.#options.baseUrl()}/resume`));
    for (const guild of this.#world.guilds) this.dispatch('GUILD_CREATE', guildCreate(this.#world, guild));
    const pending = this.#pending;
    this.#pending = [];
    for (const event of pending) this.dispatch(event.t, event.d);
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
    const session = this.#session;
    if (!session || session.invalid || session.id !== resume.session_id) {
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
    if (this.#session?.connection === connection) this.#session.connection = null;
  }

  #liveConnection(action: string): Connection {
    const connection = this.#session?.connection;
    if (!connection) throw new Error(`fakeDiscord: cannot ${action}: no client holds a live gateway session`);
    return connection;
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

/** Why Discord would not send this event to a session with `intents`, or null if it would. */
function missingIntent(intents: number, t: string, d: unknown): string | null {
  if (!t.startsWith('MESSAGE_') || t.startsWith('MESSAGE_REACTION') || t.startsWith('MESSAGE_POLL'))
    return null;
  const inGuild = typeof d === 'object' && d !== null && 'guild_id' in d && d.guild_id !== undefined;
  const needed = inGuild ? GatewayIntentBits.GuildMessages : GatewayIntentBits.DirectMessages;
  return (intents & needed) === 0 ? `no ${GatewayIntentBits[needed]} intent` : null;
}
