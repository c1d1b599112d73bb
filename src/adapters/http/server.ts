import type { KeyObject } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpResponder } from './httpResponder.ts';
import type { InteractionMetrics } from './metrics.ts';
import { verifyInteraction } from './verifySignature.ts';

/** Discord's interaction payloads are a few kilobytes; anything far larger is not one. */
const maxBodyBytes = 1024 * 1024;

/** Names of Discord's interaction types, for metrics. */
const typeNames: Readonly<Record<number, string>> = {
  2: 'command',
  3: 'component',
  4: 'autocomplete',
  5: 'modal',
};

/** Options of {@link startInteractionsServer}. */
export interface InteractionsServerOptions {
  readonly host: string;
  /** 0 lets the system pick (tests); the bound port is on the result. */
  readonly port: number;
  /** The application's Ed25519 public key. */
  readonly publicKey: KeyObject;
  readonly responder: HttpResponder;
  /** Hands a verified interaction (not a PING) to the handlers. */
  readonly dispatch: (interaction: { readonly id: string; readonly type: number }) => void;
  /** Whether this replica can answer: index loaded, store reachable. */
  readonly ready: () => Promise<boolean>;
  readonly metrics: InteractionMetrics;
  /** How long to wait for the handlers' first response (Discord gives up after 3 s). */
  readonly responseTimeoutMs: number;
  readonly onError: (error: unknown, context: string) => void;
  readonly now?: () => number;
}

/** A listening interactions server. */
export interface InteractionsServer {
  readonly port: number;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) {
        reject(new BodyTooLarge('body too large'));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  response.end(body);
}

const text = (response: ServerResponse, status: number, body: string) =>
  send(response, status, 'text/plain; charset=utf-8', `${body}\n`);

function header(request: IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function interactions(
  request: IncomingMessage,
  response: ServerResponse,
  options: InteractionsServerOptions,
): Promise<void> {
  const { metrics } = options;
  let raw: Buffer;
  try {
    raw = await readBody(request);
  } catch (error) {
    metrics.rejected.inc({ reason: 'body' });
    text(response, error instanceof BodyTooLarge ? 413 : 400, 'unreadable body');
    return;
  }
  const verdict = verifyInteraction(
    options.publicKey,
    {
      signature: header(request, 'x-signature-ed25519'),
      timestamp: header(request, 'x-signature-timestamp'),
    },
    raw,
    options.now?.() ?? Date.now(),
  );
  if (verdict !== 'ok') {
    metrics.rejected.inc({ reason: verdict });
    text(response, 401, verdict === 'stale' ? 'stale timestamp' : 'invalid request signature');
    return;
  }
  let interaction: { id: string; type: number };
  try {
    const parsed = JSON.parse(raw.toString('utf8')) as { id?: unknown; type?: unknown };
    if (typeof parsed.type !== 'number' || (parsed.type !== 1 && typeof parsed.id !== 'string')) {
      throw new Error('not an interaction');
    }
    interaction = parsed as { id: string; type: number };
  } catch {
    metrics.rejected.inc({ reason: 'body' });
    text(response, 400, 'not an interaction');
    return;
  }
  if (interaction.type === 1) {
    send(response, 200, 'application/json', '{"type":1}');
    return;
  }
  const type = typeNames[interaction.type] ?? 'other';
  const started = performance.now();
  metrics.inFlight.inc();
  const answered = options.responder.waitFor(interaction.id, options.responseTimeoutMs);
  try {
    options.dispatch(interaction);
  } catch (error) {
    options.onError(error, 'dispatching an HTTP interaction');
  }
  const delivery = await answered;
  metrics.inFlight.dec();
  metrics.latency.observe({ type }, (performance.now() - started) / 1000);
  if (delivery === undefined) {
    metrics.interactions.inc({ type, outcome: 'timeout' });
    text(response, 500, 'no response in time');
    return;
  }
  metrics.interactions.inc({ type, outcome: 'answered' });
  // Written, or the connection gone: either way the handlers may go on.
  response.once('finish', delivery.sent);
  response.once('close', delivery.sent);
  send(response, 200, delivery.response.contentType, delivery.response.body);
}

async function route(request: IncomingMessage, response: ServerResponse, options: InteractionsServerOptions) {
  const path = (request.url ?? '/').split('?')[0];
  if (path === '/interactions') {
    if (request.method !== 'POST') return text(response, 405, 'POST only');
    return interactions(request, response, options);
  }
  if (request.method !== 'GET') return text(response, 405, 'GET only');
  if (path === '/healthz') return text(response, 200, 'ok');
  if (path === '/readyz') {
    const ready = await options.ready().catch(() => false);
    return text(response, ready ? 200 : 503, ready ? 'ready' : 'not ready');
  }
  if (path === '/metrics') {
    return send(
      response,
      200,
      options.metrics.registry.contentType,
      await options.metrics.registry.metrics(),
    );
  }
  return text(response, 404, 'not found');
}

/**
 * Serves Discord's HTTP interactions endpoint (`POST /interactions`: signature checked, PING
 * answered, everything else answered by the same handlers as the gateway) and the load balancer's
 * `GET /healthz`, `GET /readyz` and `GET /metrics`.
 */
export async function startInteractionsServer(
  options: InteractionsServerOptions,
): Promise<InteractionsServer> {
  const server: Server = createServer((request, response) => {
    route(request, response, options).catch((error: unknown) => {
      options.onError(error, `serving ${request.method} ${request.url}`);
      if (!response.headersSent) text(response, 500, 'internal error');
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
