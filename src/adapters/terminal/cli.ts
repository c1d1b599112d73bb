import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { ConfigError, isEntryPoint, loadProjectEnv, parseConfig } from '../../config/index.ts';
import { evaluate, parseQuestions } from '../../core/eval/evaluate.ts';
import { evaluateAnswers } from '../../core/eval/evaluateAnswers.ts';
import type { KnowledgeService } from '../../core/operations.ts';
import type { LoadProgress } from '../../host/loadEngine.ts';
import { openKnowledge } from '../../host/openKnowledge.ts';
import { type CliOptions, parseCliArgs, UsageError, usage } from './args.ts';
import { formatAnswer, formatSearch, formatStats } from './formatText.ts';
import { answerJson, searchJson } from './jsonOutput.ts';
import { watchOutput } from './outputGone.ts';

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
    io.err.write(`${message(error)}\n${usage(error instanceof UsageError ? error.command : undefined)}\n`);
    return 2;
  }
  if (options.help) {
    io.out.write(`${usage(options.command)}\n`);
    return 0;
  }
  const progress = isTerminal(io.err) ? progressLine(io.err) : undefined;
  let service: KnowledgeService;
  try {
    const config = parseConfig(io.env);
    service = await openKnowledge({
      knowledgeDir: options.knowledge ? path.resolve(io.cwd, options.knowledge) : config.knowledgeDir,
      cacheDir: config.cacheDir,
      followOutsideLinks: config.followOutsideLinks,
      onWarning: (warning) => {
        progress?.clear();
        io.err.write(`warning: ${warning}\n`);
      },
      ...(progress ? { onProgress: progress.update } : {}),
    });
    await progress?.done(await service.stats());
  } catch (error) {
    progress?.clear();
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
      default: {
        if (!options.text && isTerminal(io.input)) {
          const what = options.command === 'ask' ? 'questions' : 'queries';
          io.err.write(
            `reading ${what} from standard input, one per line (Ctrl-D ends; or: npm run ${options.command} -- "…")\n`,
          );
        }
        // A reader that went away (`| head`) ends the run quietly: no more input is read.
        const output = watchOutput(io.out);
        try {
          for await (const line of inputs(options, io, output.signal)) {
            const text = await respond(service, options, line, io);
            if (output.signal.aborted) break;
            io.out.write(`${text}\n`);
          }
        } finally {
          output.dispose();
        }
        return 0;
      }
    }
  } catch (error) {
    // Whatever goes wrong, the terminal gets one line, never a stack trace.
    io.err.write(`${message(error)}\n`);
    return 1;
  } finally {
    await service.close();
  }
}

function isTerminal(stream: NodeJS.ReadableStream | NodeJS.WritableStream): boolean {
  return (stream as { isTTY?: boolean }).isTTY === true;
}

/**
 * One line on a terminal's standard error that shows how loading goes (rewritten in place, at
 * most ten times a second), ending in a summary: files read, passages, languages, elapsed.
 */
function progressLine(err: NodeJS.WritableStream) {
  const started = performance.now();
  let shownAt = 0;
  let filesRead = 0;
  let visible = false;
  const seconds = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const show = (text: string) => {
    err.write(`\r\x1b[K${text}`);
    visible = true;
  };
  return {
    update: (step: LoadProgress) => {
      if (step.phase === 'reading') {
        filesRead = step.read;
        const now = performance.now();
        if (now - shownAt < 100 && step.read < step.total) return;
        shownAt = now;
        show(`knowledge: ${step.read}/${step.total} files read · ${seconds()}`);
      } else {
        show(`knowledge: ${step.files} files read, indexing… · ${seconds()}`);
      }
    },
    clear: () => {
      if (visible) err.write('\r\x1b[K');
      visible = false;
    },
    done: (stats: { passages: number; languages: Readonly<Record<string, number>>; articles: number }) => {
      const languages = Object.keys(stats.languages).length;
      show(
        `knowledge: ${filesRead || stats.articles} files read, ${stats.passages} passages, ${languages} ${languages === 1 ? 'language' : 'languages'}, ${seconds()}\n`,
      );
      visible = false;
    },
  };
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.err.write(
      `eval: cannot read the questions file '${file}': ${code === 'ENOENT' ? 'it does not exist' : message(error)}\n`,
    );
    return 1;
  }
  let questions: ReturnType<typeof parseQuestions>;
  try {
    questions = parseQuestions(text);
  } catch (error) {
    io.err.write(`eval: '${file}', ${message(error).replace(/^eval: /, '')}\n`);
    return 1;
  }
  const unknown = await unknownGolds(service, questions);
  if (unknown.count > 0) {
    io.err.write(
      `warning: ${unknown.count} ${unknown.count === 1 ? 'question names a gold article' : 'questions name a gold article'} that is not in the knowledge folder (first: '${unknown.first}')\n`,
    );
  }
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

/** Questions whose gold id is no article of the folder: they can only count as misses. */
async function unknownGolds(
  service: KnowledgeService,
  questions: readonly { readonly gold: string }[],
): Promise<{ count: number; first?: string }> {
  const missing = new Set<string>();
  for (const gold of new Set(questions.map((question) => question.gold))) {
    if ((await service.article(gold))?.source !== gold) missing.add(gold);
  }
  const unknown = questions.filter((question) => missing.has(question.gold));
  return { count: unknown.length, ...(unknown[0] ? { first: unknown[0].gold } : {}) };
}

async function* inputs(options: CliOptions, io: CliIo, signal: AbortSignal): AsyncGenerator<string> {
  if (options.text) {
    yield options.text;
    return;
  }
  for await (const line of createInterface({
    input: io.input,
    crlfDelay: Number.POSITIVE_INFINITY,
    signal,
  })) {
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
