import { type ChildProcess, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { setTimeout as delay } from 'node:timers/promises';
import { projectRoot } from '../../src/config/index.ts';
import { freePort } from './servers/freePort.ts';

/** A pure HTTP replica running as its own process, as `npm start` runs one (GATEWAY off). */
export interface ReplicaProcess {
  readonly name: string;
  /** INTERACTIONS_PORT. */
  readonly port: number;
  /** `http://127.0.0.1:PORT` */
  readonly base: string;
  /** What the process printed (its log lines), for a failure message. */
  readonly output: string[];
  /** Settles with the exit code (or the signal's name) when the process ends. */
  readonly exited: Promise<number | string>;
  /** Resolves once `GET /readyz` answers 200 (index loaded, store reachable). */
  waitReady(timeoutMs?: number): Promise<void>;
  /** Sends `signal` now (SIGKILL: a crash, no shutdown code runs). */
  kill(signal: NodeJS.Signals): void;
  /** SIGTERM (a clean shutdown), SIGKILL after 5 s; resolves once the process is gone. */
  stop(): Promise<void>;
}

/**
 * Starts `node --import tsx src/main.ts` with `env` plus INTERACTIONS_PORT on a free loopback
 * port, INTERACTIONS_HOST 127.0.0.1 and no DISCORD_TOKEN (so an HTTP replica). Nothing of this
 * process's environment is passed on but PATH.
 */
export async function spawnReplica(
  name: string,
  env: Readonly<Record<string, string>>,
): Promise<ReplicaProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      ...env,
      INTERACTIONS_PORT: String(port),
      INTERACTIONS_HOST: '127.0.0.1',
    },
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    // Only the latest lines matter for a failure message; a long run must not grow memory.
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | string>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  let gone = false;
  void exited.then(() => {
    gone = true;
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    name,
    port,
    base,
    output,
    exited,
    async waitReady(timeoutMs = 60_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until) {
        if (gone) throw new Error(`replica ${name} exited while starting:\n${output.join('\n')}`);
        const ready = await fetch(`${base}/readyz`).then(
          (response) => response.ok,
          () => false,
        );
        if (ready) return;
        await delay(100);
      }
      throw new Error(`replica ${name} not ready after ${timeoutMs} ms:\n${output.join('\n')}`);
    },
    kill(signal) {
      if (!gone) child.kill(signal);
    },
    async stop() {
      if (gone) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
