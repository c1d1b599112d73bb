import { chmod, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Pid files a test server leaves in its folder while it runs. */
const pidFiles = ['redis.pid', 'postmaster.pid'];

async function leftoverPids(root: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir(root).catch(() => [])) {
    for (const name of pidFiles) {
      const text = await readFile(join(root, entry, name), 'utf8').catch(() => '');
      const pid = Number(text.split('\n')[0]);
      if (Number.isInteger(pid) && pid > 0) pids.push(pid);
    }
  }
  return pids;
}

/**
 * Vitest global setup: one folder for every test server of the run (`CITEBOT_SERVERS_DIR`,
 * inherited by the test workers); at the end any server a crashed test left behind is killed and
 * the folder removed, so nothing keeps running after `npm test`.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const root = await mkdtemp(join(tmpdir(), 'citebot-servers-'));
  // PostgreSQL runs as another user when the tests run as root: it must reach its data folder.
  await chmod(root, 0o755);
  process.env.CITEBOT_SERVERS_DIR = root;
  return async () => {
    for (const pid of await leftoverPids(root)) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    await rm(root, { recursive: true, force: true });
  };
}
