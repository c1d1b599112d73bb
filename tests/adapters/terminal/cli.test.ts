import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/adapters/terminal/cli.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'citebot-cli-'));

async function run(argv: string[], stdin = '') {
  const input = new PassThrough();
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (d) => {
    stdout += d;
  });
  err.on('data', (d) => {
    stderr += d;
  });
  input.end(stdin);
  const code = await runCli(argv, { input, out, err, env: { CACHE_DIR: cacheDir }, cwd: root, color: false });
  return { code, stdout, stderr };
}

describe('npm run ask --json', () => {
  it('prints one JSON object with the documented fields for a question given as arguments', async () => {
    const { code, stdout } = await run([
      'ask',
      '--json',
      "How many professionals will China's blockchain center train?",
    ]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0] as string);
    expect(Object.keys(answer).sort()).toEqual(['answered', 'citations', 'question', 'related', 'tookMs']);
    expect(answer.answered).toBe(true);
    const [first] = answer.citations;
    expect(Object.keys(first).sort()).toEqual(['heading', 'n', 'score', 'snippet', 'source', 'title', 'url']);
    expect(first.n).toBe(1);
    expect(first.source).toBe('004_182bb502e5372a60.txt');
    expect(first.snippet).toContain('500,000');
    expect(first.snippet).not.toContain('**');
    expect(first.snippet).not.toContain(String.fromCharCode(27));
    expect(answer.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('answers each line of standard input in order, skipping blank lines', async () => {
    const { stdout } = await run(
      ['ask', '--json'],
      'Wer ist der Allianz beigetreten?\n\nWhat is the capital of France?\n',
    );
    const answers = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(answers.map((a) => a.question)).toEqual([
      'Wer ist der Allianz beigetreten?',
      'What is the capital of France?',
    ]);
    expect(answers[0].citations[0].source).toBe('000_3bc0f4edfab983df.txt');
    expect(answers[1].answered).toBe(false);
    expect(answers[1].citations).toEqual([]);
  });

  it('limits citations with --limit', async () => {
    const { stdout } = await run(['ask', '--json', '--limit', '1', 'blockchain']);
    expect(JSON.parse(stdout).citations.length).toBeLessThanOrEqual(1);
  });
});

describe('npm run search --json', () => {
  it('prints ranked rows, one per article, best first', async () => {
    const { code, stdout } = await run(['search', '--json', 'blockchain China']);
    expect(code).toBe(0);
    const page = JSON.parse(stdout);
    expect(Object.keys(page).sort()).toEqual(['query', 'results', 'tookMs']);
    const sources = page.results.map((r: { source: string }) => r.source);
    expect(new Set(sources).size).toBe(sources.length);
    expect(page.results.map((r: { rank: number }) => r.rank)).toEqual(
      sources.map((_: string, i: number) => i + 1),
    );
    const scores = page.results.map((r: { score: number }) => r.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });
});

describe('npm run index and eval', () => {
  it('reports articles, passages, languages and skipped files', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citebot-kb-'));
    writeFileSync(path.join(dir, 'good.md'), '# Good\n\nSome text about tea and coffee.\n');
    writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x66, 0x00, 0x6f]));
    const { code, stdout } = await run(['index', '--knowledge', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/articles:\s+1/);
    expect(stdout).toContain('bad.txt: binary file');
  });

  it('scores a question file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'citebot-ev-'));
    writeFileSync(path.join(dir, 'tea.md'), '# Tea\n\nGreen tea is steeped at 80 degrees for two minutes.\n');
    writeFileSync(path.join(dir, 'bikes.md'), '# Bikes\n\nA chain needs oil every few hundred kilometres.\n');
    const questions = path.join(dir, 'q.jsonl');
    writeFileSync(
      questions,
      `${JSON.stringify({ q: 'How long to steep green tea?', gold: 'tea.md' })}\n${JSON.stringify({ q: 'oil the chain', gold: 'bikes.md' })}\n`,
    );
    const { stdout } = await run(['eval', '--knowledge', dir, '--questions', questions, '--json']);
    expect(JSON.parse(stdout).overall).toEqual({ questions: 2, hitAt1: 1, hitAt3: 1, mrrAt10: 1 });
  });

  it('fails with the usage on an unknown option value', async () => {
    const { code, stderr } = await run(['ask', '--limit', 'many', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain('--limit');
    expect(stderr).toContain('usage:');
  });

  it('names the folder when the knowledge folder is missing', async () => {
    const { code, stderr } = await run(['ask', '--knowledge', '/nonexistent/kb', 'x']);
    expect(code).toBe(1);
    expect(stderr).toContain("knowledge: cannot open folder '/nonexistent/kb'");
  });
});

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
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'citebot-cwd-'));
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
