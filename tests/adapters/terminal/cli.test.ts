import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/adapters/terminal/cli.ts';
import { useTempDir } from '../../support/tempDir.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cacheDir = mkdtempSync(path.join(tmpdir(), 'citebot-cli-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

/** Runs a command; `tty`: standard input and standard error are a terminal, as in a shell. */
async function run(argv: string[], stdin = '', { tty = false } = {}) {
  const input = Object.assign(new PassThrough(), { isTTY: tty });
  const out = new PassThrough();
  const err = Object.assign(new PassThrough(), { isTTY: tty });
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
    const dir = await useTempDir('citebot-kb-');
    writeFileSync(path.join(dir, 'good.md'), '# Good\n\nSome text about tea and coffee.\n');
    writeFileSync(path.join(dir, 'bad.txt'), Buffer.from([0x66, 0x00, 0x6f]));
    const { code, stdout } = await run(['index', '--knowledge', dir]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/articles:\s+1/);
    expect(stdout).toContain('bad.txt: binary file');
  });

  it('scores a question file', async () => {
    const dir = await useTempDir('citebot-ev-');
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

describe('the terminal as a newcomer meets it', () => {
  it.each([
    ['ask', ['--knowledge', '--json', '--limit', '--help']],
    ['search', ['--knowledge', '--json', '--limit', '--help']],
    ['index', ['--knowledge', '--help']],
    ['eval', ['--knowledge', '--questions', '--json', '--help']],
  ])(
    'prints the usage of %s with every flag for --help, and exits 0 without loading anything',
    async (command, flags) => {
      const { code, stdout, stderr } = await run([command, '--help', '--knowledge', '/nonexistent']);
      expect(code).toBe(0);
      expect(stdout).toContain(`usage: npm run ${command} -- [options]`);
      for (const flag of flags) expect(stdout).toContain(flag);
      expect(stderr).toBe('');
    },
  );

  it('refuses an unknown option with the closest one and exit 2', async () => {
    const { code, stdout, stderr } = await run(['ask', '--jsno', 'x']);
    expect(code).toBe(2);
    expect(stderr.split('\n')[0]).toBe('unknown option --jsno (did you mean --json?)');
    expect(stdout).toBe('');
    // An option of another command is unknown here too.
    expect((await run(['index', '--questions', 'q.jsonl'])).stderr).toContain('unknown option --questions');
  });

  it('says that it reads questions from standard input when started on a terminal without one', async () => {
    const { code, stdout, stderr } = await run(
      ['ask'],
      "How many professionals will China's blockchain center train?\n",
      {
        tty: true,
      },
    );
    expect(code).toBe(0);
    expect(stderr).toContain('reading questions from standard input, one per line');
    expect(stdout).toContain('500,000');
    // Piped input needs no such note.
    expect((await run(['search'], 'blockchain\n')).stderr).not.toContain('standard input');
  });

  it('shows indexing progress on a terminal, on standard error only', async () => {
    const dir = await useTempDir('citebot-kb-');
    writeFileSync(path.join(dir, 'tea.md'), '# Tea\n\nGreen tea is steeped at 80 degrees for two minutes.\n');
    writeFileSync(
      path.join(dir, 'tee.md'),
      '# Tee\n\nGrüner Tee zieht bei 80 Grad zwei Minuten lang, dann ist er fertig.\n',
    );
    const shown = await run(['ask', '--json', '--knowledge', dir, 'green tea'], '', { tty: true });
    expect(shown.stderr).toMatch(/2 files read/);
    expect(shown.stderr).toMatch(/\d+ passages, \d+ languages?, [\d.]+ s/);
    expect(() => JSON.parse(shown.stdout)).not.toThrow();
    expect((await run(['ask', '--json', '--knowledge', dir, 'green tea'])).stderr).toBe('');
  });

  describe('npm run eval with a bad question file', () => {
    async function evalWith(questions: string | undefined) {
      const dir = await useTempDir('citebot-ev-');
      writeFileSync(
        path.join(dir, 'tea.md'),
        '# Tea\n\nGreen tea is steeped at 80 degrees for two minutes.\n',
      );
      const file = path.join(dir, 'q.jsonl');
      if (questions !== undefined) writeFileSync(file, questions);
      return run(['eval', '--knowledge', dir, '--questions', file]);
    }

    it('says in one line that the file is missing', async () => {
      const { code, stderr } = await evalWith(undefined);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(/^eval: cannot read the questions file '.*q\.jsonl': it does not exist\n$/);
    });

    it('names the first malformed line in one line, never a stack trace', async () => {
      const { code, stderr } = await evalWith('{"q": "tea?", "gold": "tea.md"}\n{"q": broken\n');
      expect(code).toBe(1);
      expect(stderr).toMatch(/^eval: .*line 2: not JSON\n$/);
    });

    it('warns once with the count when gold ids match no article, and still scores', async () => {
      const lines = [
        { q: 'How long to steep green tea?', gold: 'tea.md' },
        { q: 'oil the chain', gold: 'bikes.md' },
        { q: 'wheels', gold: 'bikes.md' },
      ];
      const { code, stdout, stderr } = await evalWith(lines.map((line) => JSON.stringify(line)).join('\n'));
      expect(code).toBe(0);
      expect(stderr).toBe(
        "warning: 2 questions name a gold article that is not in the knowledge folder (first: 'bikes.md')\n",
      );
      expect(stdout).toContain('overall');
    });
  });
});
