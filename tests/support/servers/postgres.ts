import { readFileSync } from 'node:fs';
import pg from 'pg';
import { freePort } from './freePort.ts';
import {
  findBinary,
  makeDataDir,
  type Owner,
  postgresBinDirs,
  removeDataDir,
  runToEnd,
  startServer,
  waitUntilReady,
} from './serverProcess.ts';

/** A real PostgreSQL server on a loopback port, in a temporary data directory. */
export interface PostgresServer {
  /** `postgres://postgres@127.0.0.1:PORT/postgres` (trust authentication on loopback). */
  readonly url: string;
  /** Its data folder (removed by `stop`). */
  readonly dir: string;
  /** Creates an empty database and returns its URL: one per test keeps tests apart. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server (fast shutdown) and removes its data directory. */
  stop(): Promise<void>;
}

/**
 * PostgreSQL refuses to run as root: then run it as the `postgres` user Debian's package creates,
 * else as `nobody`. Another user runs it as themselves.
 */
function serverOwner(): Owner | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const users = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .map((line) => line.split(':'));
  const user =
    users.find((fields) => fields[0] === 'postgres') ?? users.find((fields) => fields[0] === 'nobody');
  if (user === undefined) throw new Error('test servers: no postgres or nobody user to run PostgreSQL as');
  return { uid: Number(user[2]), gid: Number(user[3]) };
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Starts Debian's PostgreSQL (package postgresql): `initdb` into a fresh data directory (trust
 * authentication, no fsync: test data need not survive a power cut), then `postgres` on a free
 * loopback port with its socket in that directory.
 */
export async function startPostgres(): Promise<PostgresServer> {
  const dirs = postgresBinDirs();
  const initdb = findBinary('initdb', 'postgresql', dirs);
  const postgres = findBinary('postgres', 'postgresql', dirs);
  const owner = serverOwner();
  const dir = await makeDataDir('postgres-', owner);
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  try {
    await runToEnd(
      initdb,
      ['-D', dir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync', '--no-instructions'],
      { owner },
    );
  } catch (error) {
    await removeDataDir(dir);
    throw error;
  }
  const server = startServer(
    postgres,
    [
      '-D',
      dir,
      '-p',
      String(port),
      '-h',
      '127.0.0.1',
      '-k',
      dir,
      '-c',
      'fsync=off',
      '-c',
      'max_connections=200',
    ],
    { owner },
  );
  try {
    await waitUntilReady(server, 'postgres', () => answers(url));
  } catch (error) {
    await removeDataDir(dir);
    throw error;
  }
  return {
    url,
    dir,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`test servers: bad database name '${name}'`);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`create database ${name}`);
      } finally {
        await client.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    async stop() {
      // SIGINT is PostgreSQL's fast shutdown; SIGTERM would wait for clients to leave.
      await server.stop(10_000, 'SIGINT');
      await removeDataDir(dir);
    },
  };
}
