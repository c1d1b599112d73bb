import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { Socket } from 'node:net';

/** A TCP destination the process tried to reach. */
export interface OutboundAttempt {
  /** Host name looked up, or the address connected to / refused. */
  readonly host: string;
  readonly port?: number;
  readonly via: 'lookup' | 'connect' | 'error' | 'undici';
}

/** Records outbound connections until stopped. */
export interface NetworkWatch {
  readonly attempts: readonly OutboundAttempt[];
  /** Attempts to anything but 127.0.0.1 (or ::1). */
  readonly external: () => OutboundAttempt[];
  stop(): void;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * Watches every TCP client socket the process creates (Node's `net.client.socket` channel: the
 * `ws` gateway client, undici behind @discordjs/rest) and undici's own connect channel, so a test
 * can assert that nothing but 127.0.0.1 was contacted. Name lookups count: 127.0.0.1 needs none.
 */
export function watchOutboundConnections(): NetworkWatch {
  const attempts: OutboundAttempt[] = [];
  const onSocket = (message: unknown) => {
    const { socket } = message as { socket: Socket };
    socket.once('lookup', (_error: Error | null, _address: string, _family: number, host: string) => {
      attempts.push({ host, via: 'lookup' });
    });
    socket.once('connect', () => {
      if (socket.remoteAddress)
        attempts.push({ host: socket.remoteAddress, port: socket.remotePort ?? 0, via: 'connect' });
    });
    socket.once('error', (error: NodeJS.ErrnoException & { address?: string; port?: number }) => {
      if (error.address) attempts.push({ host: error.address, port: error.port ?? 0, via: 'error' });
    });
  };
  const onUndici = (message: unknown) => {
    const { connectParams } = message as { connectParams: { hostname: string; port: string } };
    attempts.push({ host: connectParams.hostname, port: Number(connectParams.port), via: 'undici' });
  };
  subscribe('net.client.socket', onSocket);
  subscribe('undici:client:beforeConnect', onUndici);
  return {
    attempts,
    external: () => attempts.filter((attempt) => !LOOPBACK.has(attempt.host)),
    stop: () => {
      unsubscribe('net.client.socket', onSocket);
      unsubscribe('undici:client:beforeConnect', onUndici);
    },
  };
}
