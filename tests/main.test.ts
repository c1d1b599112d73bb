import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import {
  chatInputInteraction,
  type FakeDiscord,
  opt,
  startFakeDiscord,
} from './support/fakeDiscord/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const children: ChildProcess[] = [];
let fake: FakeDiscord | undefined;
const scratchDirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await fake?.close();
  fake = undefined;
  for (const dir of scratchDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder removed after the test. */
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'citebot-main-'));
  scratchDirs.push(dir);
  return dir;
}

/** Runs `npm start`'s entry as a real process, the way an operator does. */
function startProcess(env: Record<string, string>, stdin?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    // A clean environment: nothing from the developer's shell or .env decides the mode.
    env: {
      PATH: process.env.PATH ?? '',
      HOME: tmpdir(),
      CACHE_DIR: scratch(),
      DATA_DIR: scratch(),
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  if (stdin !== undefined) child.stdin?.end(stdin);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = () => ({ stdout, stderr });
  const waitFor = async (text: string, timeoutMs = 20_000) => {
    const until = Date.now() + timeoutMs;
    while (!stdout.includes(text)) {
      if (Date.now() > until) throw new Error(`no "${text}" in output:\n${stdout}\n${stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, exited, output, waitFor };
}

describe('npm start', () => {
  it('answers piped questions in local mode without a token and exits 0 at the end of input', async () => {
    const run = startProcess({}, "How many professionals will China's blockchain center train?\n");
    expect(await run.exited).toBe(0);
    const { stdout } = run.output();
    expect(stdout).toContain('local mode');
    expect(stdout).toContain('500,000');
    expect(stdout).toContain('004_182bb502e5372a60.txt');
  });

  it('ends quietly with exit 0 when the reader of its answers goes away (piped into head)', async () => {
    // Before the fix the next answer's write failed with EPIPE: an "uncaught exception" on stderr.
    const questions = 'How many professionals will the center train?\n'.repeat(200);
    const run = startProcess({}, questions);
    await run.waitFor('500,000');
    run.child.stdout?.destroy();
    expect(await run.exited).toBe(0);
    expect(run.output().stderr).not.toMatch(/EPIPE|uncaught/i);
  });

  it('answers an unknown REPL command with a hint instead of treating it as a question', async () => {
    const run = startProcess({}, '/articel foo\n/search blockchain\n');
    expect(await run.exited).toBe(0);
    const { stdout } = run.output();
    expect(stdout).toContain('unknown command — try /help');
    expect(stdout).not.toContain('No answer');
    // Known commands still work after it.
    expect(stdout).toContain('004_182bb502e5372a60.txt');
  });

  it('stops with one readable message naming every bad variable, never printing the token', async () => {
    const token = 'not a token but a secret value';
    const run = startProcess({ DISCORD_TOKEN: token, RATE_LIMIT_QUESTIONS: 'lots', LOG_LEVEL: 'loud' });
    expect(await run.exited).toBe(1);
    const { stdout, stderr } = run.output();
    expect(stderr).toContain('DISCORD_TOKEN');
    expect(stderr).toContain('RATE_LIMIT_QUESTIONS');
    expect(stderr).toContain('LOG_LEVEL');
    expect(stderr).not.toContain('Error:');
    expect(`${stdout}${stderr}`).not.toContain(token);
  });

  it('serves Discord with a token, closes cleanly on SIGTERM and never logs the token', async () => {
    fake = await startFakeDiscord();
    const run = startProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'debug' });
    await run.waitFor('discord: ready');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const { stdout, stderr } = run.output();
    expect(stdout).toContain('shutting down');
    expect(`${stdout}${stderr}`).not.toContain(fake.token);
  });

  it('keeps serving when the reader of its stdout goes away, notes it once and still exits on SIGTERM', async () => {
    fake = await startFakeDiscord();
    const run = startProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, LOG_LEVEL: 'debug' });
    await run.waitFor('discord: ready');
    // A log shipper restarting, `npm start | head`: the pipe's reading end closes.
    run.child.stdout?.destroy();
    // A dropped gateway makes the bot log while nobody reads, then it must still answer.
    fake.dropConnection();
    await fake.waitForResume(1);
    const asked = fake.interact(
      chatInputInteraction(fake.world, {
        name: 'ask',
        options: [opt.string('question', "How many professionals will China's blockchain center train?")],
      }),
    );
    const callback = await fake.waitForCallback(asked);
    expect(JSON.stringify(callback.body)).toContain('500,000');
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    const { stderr } = run.output();
    expect(stderr.match(/standard output is closed/g)).toHaveLength(1);
    expect(stderr).not.toContain(fake.token);
  });

  it.each([
    [
      4004,
      'DISCORD_TOKEN was refused by Discord: reset it in the Developer Portal (Bot → Reset Token) and update .env',
    ],
    [4014, 'Message Content'],
    [4013, 'gateway close 4013'],
  ])(
    'ends with exit 1 and one line saying what to fix when the gateway closes with %i mid-session',
    async (code, text) => {
      fake = await startFakeDiscord();
      const run = startProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
      await run.waitFor('discord: ready');
      fake.closeConnection(code);
      // Bounded by the test's timeout: a zombie process never exits.
      expect(await run.exited).toBe(1);
      const { stdout, stderr } = run.output();
      const lines = stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(text);
      expect(`${stdout}${stderr}`).not.toContain(fake.token);
    },
  );

  it('says the token was refused, in one line, when Discord answers 401 at login', async () => {
    fake = await startFakeDiscord();
    fake.failNext('GET /gateway/bot', { status: 401 });
    const run = startProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr.trim()).toBe(
      'DISCORD_TOKEN was refused by Discord: reset it in the Developer Portal (Bot → Reset Token) and update .env',
    );
  });

  it('names DISCORD_API_URL in one line when Discord cannot be reached through it', async () => {
    const run = startProcess({
      DISCORD_TOKEN: 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZa.abcdefghijklmnop',
      DISCORD_API_URL: 'http://127.0.0.1:9/api',
    });
    expect(await run.exited).toBe(1);
    const lines = run.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DISCORD_API_URL');
    expect(lines[0]).toContain('http://127.0.0.1:9/api');
  });

  it.each([
    ['KNOWLEDGE_DIR', (scratch: string) => ({ KNOWLEDGE_DIR: path.join(scratch, 'missing') })],
    [
      'DATA_DIR',
      (scratch: string) => {
        writeFileSync(path.join(scratch, 'file'), 'x');
        return { DATA_DIR: path.join(scratch, 'file') };
      },
    ],
  ])('stops with one line naming %s when it is unusable', async (variable, envOf) => {
    fake = await startFakeDiscord();
    const dir = scratch();
    const run = startProcess({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, ...envOf(dir) });
    expect(await run.exited).toBe(1);
    const lines = run.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(variable);
    expect(lines[0]).toContain(dir);
  });
});
