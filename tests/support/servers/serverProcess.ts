import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Every server a test process started and has not stopped yet: killed if the process exits first. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * The folder for this run's server data: `CITEBOT_SERVERS_DIR` from the global setup (which kills
 * whatever is left there at the end of `npm test`), else the system's temporary folder.
 */
export function serversRoot(): string {
  return process.env.CITEBOT_SERVERS_DIR ?? tmpdir();
}

/** A fresh data folder for one server, owned by `owner` when given. */
export async function makeDataDir(prefix: string, owner?: Owner): Promise<string> {
  await mkdir(serversRoot(), { recursive: true });
  const dir = await mkdtemp(join(serversRoot(), prefix));
  if (owner !== undefined) await chown(dir, owner.uid, owner.gid);
  return dir;
}

/** Removes a data folder (after its server stopped). */
export async function removeDataDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** A user to run a server as. */
export interface Owner {
  readonly uid: number;
  readonly gid: number;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Finds a server binary on PATH, else in `extraDirs` (Debian keeps PostgreSQL's in
 * /usr/lib/postgresql/<version>/bin, off PATH).
 *
 * @throws Error naming the Debian package to install
 */
export function findBinary(name: string, debianPackage: string, extraDirs: readonly string[] = []): string {
  const dirs = [...(process.env.PATH ?? '').split(delimiter), ...extraDirs];
  for (const dir of dirs) {
    if (dir !== '' && isExecutable(join(dir, name))) return join(dir, name);
  }
  throw new Error(`test servers: '${name}' not found; install it with: apt-get install ${debianPackage}`);
}

/** Debian's PostgreSQL binary folders, newest version first. */
export function postgresBinDirs(): string[] {
  try {
    return readdirSync('/usr/lib/postgresql')
      .filter((version) => /^\d+$/.test(version))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => `/usr/lib/postgresql/${version}/bin`);
  } catch {
    return [];
  }
}

/** Options of {@link runToEnd} and {@link startServer}. */
export interface SpawnOptions {
  readonly owner?: Owner | undefined;
  readonly env?: NodeJS.ProcessEnv;
}

function spawnAs(file: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  return spawn(file, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LC_ALL: 'C', ...options.env },
    ...(options.owner === undefined ? {} : { uid: options.owner.uid, gid: options.owner.gid }),
  });
}

/** Runs a command to its end; rejects with its output when it fails. */
export function runToEnd(file: string, args: readonly string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnAs(file, args, options);
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`test servers: ${file} exited with ${code}:\n${output.slice(-2000)}`));
    });
  });
}

/** A server process started by {@link startServer}. */
export interface ServerProcess {
  readonly child: ChildProcess;
  /** The last of its output, for error messages. */
  output(): string;
  /** Sends `signal` (SIGTERM by default), then SIGKILL after `graceMs`; resolves once it exited. */
  stop(graceMs?: number, signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a long-running server and keeps its recent output. */
export function startServer(
  file: string,
  args: readonly string[],
  options: SpawnOptions = {},
): ServerProcess {
  const child = spawnAs(file, args, options);
  running.add(child);
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      running.delete(child);
      resolve();
    });
  });
  return {
    child,
    output: () => output,
    async stop(graceMs = 5000, signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Polls `ready` every 50 ms until it resolves true, the process exits, or `timeoutMs` passes.
 *
 * @throws Error with the server's output
 */
export async function waitUntilReady(
  server: ServerProcess,
  name: string,
  ready: () => Promise<boolean>,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.child.exitCode !== null || server.child.signalCode !== null) {
      throw new Error(`test servers: ${name} exited while starting:\n${server.output()}`);
    }
    if (await ready().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await server.stop();
  throw new Error(`test servers: ${name} not ready after ${timeoutMs} ms:\n${server.output()}`);
}
