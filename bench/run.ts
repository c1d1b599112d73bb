/**
 * `npm run bench`: citebot's performance on a knowledge folder and shares of it (see issue 6 and
 * the README's Performance section). Prints tables and writes `.bench/results.json` plus a short
 * `.bench/results-summary.json`. Not part of `npm test`.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseBenchArgs } from './args.ts';
import { type BaselineFigures, lunrDefaults, miniSearchDefaults } from './baselines.ts';
import { corpusShare, readQueries } from './corpus.ts';
import { type BuildFigures, buildOurs, type QueryFigures, queryOurs } from './measureOurs.ts';
import { measureRebuild, type RebuildFigures } from './measureRebuild.ts';
import {
  measureProductionStart,
  measureWarmStart,
  type ProductionStart,
  type WarmStart,
} from './measureWarmStart.ts';
import { checkTargets, printResults } from './report.ts';
import { memory } from './stats.ts';

/** Everything measured on one share of the corpus. */
export interface ShareResult {
  readonly fraction: number;
  readonly build: BuildFigures;
  readonly query: QueryFigures;
  readonly warmStart: {
    readonly inProcess: WarmStart;
    readonly worker: WarmStart;
    readonly production: ProductionStart;
  };
  /** A start with an empty cache: build, cache write, first answer (its own process). */
  readonly coldStart: WarmStart;
  readonly rebuild: RebuildFigures;
  readonly miniSearch?: BaselineFigures;
  readonly lunr?: BaselineFigures;
}

/** The whole run. */
export interface BenchResults {
  readonly date: string;
  readonly machine: {
    readonly cpus: number;
    readonly cpu: string;
    readonly memoryGB: number;
    readonly node: string;
  };
  readonly knowledge: string;
  readonly queries: number;
  readonly rounds: number;
  readonly shares: readonly ShareResult[];
}

const root = fileURLToPath(new URL('..', import.meta.url));
const options = parseBenchArgs(process.argv.slice(2), root);
const queries = await readQueries(options.queries);
const log = (message: string) =>
  process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);
log(`bench: ${options.knowledge}, ${queries.length} questions, shares ${options.fractions.join(', ')}`);

const shares: ShareResult[] = [];
for (const fraction of options.fractions) {
  const name = fraction >= 1 ? 'all' : `share-${Math.round(1 / fraction)}`;
  const dir = await corpusShare(options.knowledge, fraction, path.join(options.work, name));
  const cacheDir = path.join(options.work, `cache-${name}`);
  log(`${name}: building`);
  const { kb, figures: build } = await buildOurs(dir, cacheDir);
  log(`${name}: ${build.articles} articles, ${build.passages} passages; asking`);
  const query = await queryOurs(kb, queries, options.rounds);
  // The children and the rebuild get a quiet parent: no garbage left to collect meanwhile.
  memory();
  log(`${name}: warm starts`);
  const question = queries[0] as string;
  const warmStart = {
    inProcess: await measureWarmStart(root, dir, cacheDir, 'inprocess', question),
    worker: await measureWarmStart(root, dir, cacheDir, 'worker', question),
    production: await measureProductionStart(root, dir, cacheDir, question),
  };
  log(`${name}: cold start`);
  const coldStart = await measureWarmStart(root, dir, cacheDir, 'cold', question, 1);
  log(`${name}: rebuild in the worker`);
  const rebuild = await measureRebuild(dir, queries);
  let miniSearch: BaselineFigures | undefined;
  let lunr: BaselineFigures | undefined;
  if (options.baselines) {
    log(`${name}: MiniSearch defaults`);
    miniSearch = await miniSearchDefaults(kb, queries);
    log(`${name}: Lunr`);
    lunr = await lunrDefaults(kb, queries);
  }
  shares.push({
    fraction,
    build,
    query,
    warmStart,
    coldStart,
    rebuild,
    ...(miniSearch ? { miniSearch } : {}),
    ...(lunr ? { lunr } : {}),
  });
}

const cpus = os.cpus();
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus.length,
    cpu: cpus[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
  },
  knowledge: path.relative(root, options.knowledge) || '.',
  queries: queries.length,
  rounds: options.rounds,
  shares,
};
printResults(results);
await fs.mkdir(path.dirname(options.out), { recursive: true });
await fs.writeFile(options.out, `${JSON.stringify(results, null, 2)}\n`);
const summary = path.join(path.dirname(options.out), 'results-summary.json');
await fs.writeFile(summary, `${JSON.stringify(summarise(results), null, 2)}\n`);
log(`bench: wrote ${path.relative(root, options.out)} and ${path.relative(root, summary)}`);

/** The few figures worth keeping in the repository. */
function summarise(r: BenchResults) {
  return {
    date: r.date,
    machine: r.machine,
    knowledge: r.knowledge,
    queries: r.queries,
    shares: r.shares.map((s) => ({
      fraction: s.fraction,
      articles: s.build.articles,
      passages: s.build.passages,
      coldBuildMs: s.build.coldBuildMs,
      indexMs: s.build.indexMs,
      cacheMB: Math.round(s.build.cacheBytes / 2 ** 20),
      coldStartMs: s.coldStart.totalMs,
      coldStartPeakRssMB: s.coldStart.maxRssMB,
      warmStartMs: { production: s.warmStart.production.totalMs, worker: s.warmStart.worker.totalMs },
      rssAfterWarmStartMB: s.warmStart.production.rssMB,
      rssEveryLanguageDecodedMB: s.warmStart.inProcess.warmRssMB,
      heapMB: s.warmStart.inProcess.heapMB,
      arrayBuffersMB: s.warmStart.inProcess.arrayBuffersMB,
      askMs: { p50: s.query.ask.p50, p95: s.query.ask.p95, p99: s.query.ask.p99 },
      suggestMs: { p50: s.query.suggest.p50, p99: s.query.suggest.p99 },
      rebuildMaxDelayMs: s.rebuild.maxDelayMs,
      spinningWorkerMaxDelayMs: s.rebuild.spinningWorkerMaxDelayMs,
      miniSearchMs: s.miniSearch && { p50: s.miniSearch.search.p50, p99: s.miniSearch.search.p99 },
      lunrMs: s.lunr && { p50: s.lunr.search.p50, p99: s.lunr.search.p99 },
    })),
    targets: checkTargets(r),
  };
}
