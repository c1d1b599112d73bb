import { connect } from 'node:net';
import { freePort } from './freePort.ts';
import { findBinary, makeDataDir, removeDataDir, startServer, waitUntilReady } from './serverProcess.ts';

/** A real redis-server on a loopback port, with its own temporary folder. */
export interface RedisServer {
  /** `redis://127.0.0.1:PORT` */
  readonly url: string;
  readonly port: number;
  /** Its data folder (removed by `stop`). */
  readonly dir: string;
  /** Stops the server and removes its folder. */
  stop(): Promise<void>;
}

/** Whether something answering Redis's protocol replies +PONG on `port`. */
function pings(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

/**
 * Starts Debian's `redis-server` (package redis-server) on a free loopback port: no persistence,
 * no daemonising, its folder in the run's servers folder.
 */
export async function startRedis(): Promise<RedisServer> {
  const binary = findBinary('redis-server', 'redis-server');
  const dir = await makeDataDir('redis-');
  const port = await freePort();
  const server = startServer(binary, [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
    '--daemonize',
    'no',
    '--pidfile',
    `${dir}/redis.pid`,
    '--logfile',
    '',
  ]);
  try {
    await waitUntilReady(server, 'redis-server', () => pings(port));
  } catch (error) {
    await removeDataDir(dir);
    throw error;
  }
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    dir,
    async stop() {
      await server.stop();
      await removeDataDir(dir);
    },
  };
}
