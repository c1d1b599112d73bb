import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { ConfigError, isEntryPoint, loadProjectEnv, parseConfig } from '../../config/index.ts';
import { evaluate, parseQuestions } from '../../core/eval/evaluate.ts';
import { evaluateAnswers } from '../../core/eval/evaluateAnswers.ts';
import type { KnowledgeService } from '../../core/operations.ts';
import { openKnowledge } from '../../host/openKnowledge.ts';
import { type CliOptions, parseCliArgs, USAGE } from './args.ts';
import { formatAnswer, formatSearch, formatStats } from './formatText.ts';
import { answerJson, searchJson } from './jsonOutput.ts';

/** Where the terminal commands write: results to `out`, warnings and errors to `err`. */
export interface CliIo {
  readonly input: NodeJS.ReadableStream;
  readonly out: NodeJS.WritableStream;
  readonly err: NodeJS.WritableStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves `--knowledge` and `--questions` paths (the caller's working directory). */
  readonly cwd: string;
  readonly color: boolean;
}

/**
 * Runs `ask`, `search`, `index` or `eval` and returns the exit code. With `--json`, stdout carries
 * exactly one JSON object per line and nothing else.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let options: CliOptions;
  try {
    options = parseCliArgs(argv);
  } catch (error) {
    io.err.write(`${message(error)}\n${USAGE}\n`);
    return 2;
  }
  let service: KnowledgeService;
  try {
    const config = parseConfig(io.env);
    service = await openKnowledge({
      knowledgeDir: options.knowledge ? path.resolve(io.cwd, options.knowledge) : config.knowledgeDir,
      cacheDir: config.cacheDir,
      onWarning: (warning) => io.err.write(`warning: ${warning}\n`),
    });
  } catch (error) {
    io.err.write(`${error instanceof ConfigError ? error.message : message(error)}\n`);
    return 1;
  }
  try {
    switch (options.command) {
      case 'index':
        io.out.write(`${formatStats(await service.stats())}\n`);
        return 0;
      case 'eval':
        return await runEval(service, options, io);
      default:
        for await (const line of inputs(options, io)) {
          io.out.write(`${await respond(service, options, line, io)}\n`);
        }
        return 0;
    }
  } finally {
    await service.close();
  }
}

async function respond(
  service: KnowledgeService,
  options: CliOptions,
  text: string,
  io: CliIo,
): Promise<string> {
  const started = performance.now();
  const style = { color: io.color };
  if (options.command === 'search') {
    const page = await service.search(text, { limit: options.limit ?? 10 });
    return options.json
      ? JSON.stringify(searchJson(page, performance.now() - started))
      : formatSearch(page, style);
  }
  const answer = await service.ask(text, options.limit ? { limit: options.limit } : {});
  return options.json
    ? JSON.stringify(answerJson(answer, performance.now() - started))
    : `${formatAnswer(answer, style)}\n`;
}

async function runEval(service: KnowledgeService, options: CliOptions, io: CliIo): Promise<number> {
  const file = path.resolve(io.cwd, options.questions ?? '');
  const questions = parseQuestions(readFileSync(file, 'utf8'));
  const report = await evaluate(questions, (q) => service.search(q, { limit: 10 }));
  const answers = await evaluateAnswers(questions, (q) => service.ask(q));
  if (options.json) {
    const { overall, byLanguage } = report;
    io.out.write(`${JSON.stringify({ overall, byLanguage, ask: answers })}\n`);
    return 0;
  }
  const langs = Object.keys(report.byLanguage);
  const f = (x: number) => x.toFixed(3);
  const row = (name: string, s: typeof report.overall) =>
    `${name.padEnd(10)} ${String(s.questions).padStart(5)}  ${f(s.hitAt1)}  ${f(s.hitAt3)}  ${f(s.mrrAt10)}`;
  io.out.write(`${'set'.padEnd(10)} ${'n'.padStart(5)}  hit@1  hit@3  MRR@10\n`);
  io.out.write(`${row('overall', report.overall)}\n`);
  for (const lang of langs) io.out.write(`${row(lang, report.byLanguage[lang] ?? report.overall)}\n`);
  const askRow = (name: string, s: typeof answers.overall) =>
    `${name.padEnd(10)} ${f(s.confident).padStart(9)}  ${f(s.precision).padStart(9)}  ${f(s.rightOverall).padStart(10)}  ${f(s.firstCitationRight).padStart(10)}`;
  io.out.write(`\nask        confident  precision  right(all)  first-cite\n`);
  io.out.write(`${askRow('overall', answers.overall)}\n`);
  for (const lang of langs) io.out.write(`${askRow(lang, answers.byLanguage[lang] ?? answers.overall)}\n`);
  return 0;
}

async function* inputs(options: CliOptions, io: CliIo): AsyncGenerator<string> {
  if (options.text) {
    yield options.text;
    return;
  }
  for await (const line of createInterface({ input: io.input, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim()) yield line;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

if (isEntryPoint(import.meta.url)) {
  loadProjectEnv();
  const code = await runCli(process.argv.slice(2), {
    input: process.stdin,
    out: process.stdout,
    err: process.stderr,
    env: process.env,
    cwd: process.env.INIT_CWD ?? process.cwd(),
    color: process.stdout.isTTY === true,
  });
  process.exitCode = code;
}
