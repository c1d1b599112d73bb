import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { useTempDir } from '../../support/tempDir.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'citebot-cli-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

describe('npm run --silent ask -- --json (a real process)', () => {
  it('writes nothing but JSON lines to stdout', async () => {
    const { stdout } = await promisify(execFile)(
      'npm',
      ['run', '--silent', 'ask', '--', '--json', 'Inspur'],
      {
        cwd: root,
        env: { ...process.env, CACHE_DIR: cacheDir },
      },
    );
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] as string).question).toBe('Inspur');
  });
});

describe('the terminal entry point (a real process)', () => {
  it('reads .env from the project folder, never from the current directory', async () => {
    const elsewhere = await useTempDir('citebot-cwd-');
    // A .env in the current directory that would break the run if it were read.
    writeFileSync(path.join(elsewhere, '.env'), 'KNOWLEDGE_DIR=/nonexistent/kb\n');
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        import.meta.resolve('tsx'),
        path.join(root, 'src/adapters/terminal/cli.ts'),
        'ask',
        '--json',
        'Inspur',
      ],
      { cwd: elsewhere, env: { ...process.env, CACHE_DIR: cacheDir, INIT_CWD: elsewhere } },
    );
    expect(JSON.parse(stdout.trim()).question).toBe('Inspur');
  });
});

describe('npm run ask with its output piped into head (a real process)', () => {
  it('stops reading questions and exits 0 once the reader goes away', async () => {
    // Before the fix the next write raised an unhandled EPIPE 'error' event and a stack trace.
    const child = spawn(
      process.execPath,
      ['--import', import.meta.resolve('tsx'), path.join(root, 'src/adapters/terminal/cli.ts'), 'ask'],
      { cwd: root, env: { ...process.env, CACHE_DIR: cacheDir }, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.stdin.end('What is ChainMaker?\n'.repeat(300));
    await new Promise((resolve) => child.stdout.once('data', resolve));
    child.stdout.destroy();
    expect(await exited).toBe(0);
    expect(stderr).not.toMatch(/EPIPE|Unhandled/);
  });
});
