import { promises as fs } from 'node:fs';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { renderAnswer } from '../src/adapters/discord/render/index.ts';
import { Engine } from '../src/core/engine.ts';
import { buildKnowledgeBase, type KnowledgeBase } from '../src/core/knowledgeBase.ts';
import { buildPassageIndex } from '../src/core/search/passageIndex.ts';
import { searchPassages } from '../src/core/search/searchPassages.ts';
import { DefaultSearchSettings } from '../src/core/search/settings.ts';
import { loadCachedKnowledge, saveCachedKnowledge } from '../src/host/indexCache.ts';
import { readKnowledgeFiles } from '../src/host/readKnowledge.ts';
import { latencies, memory, round, type Summary, summarize, timed } from './stats.ts';

const settings = DefaultSearchSettings;

/** What building our index in this process cost. */
export interface BuildFigures {
  readonly articles: number;
  readonly passages: number;
  readonly terms: number;
  readonly readMs: number;
  /** Parsing, language detection and chunking. */
  readonly parseChunkMs: number;
  readonly indexMs: number;
  /** Read + parse + chunk + index: a start without cache. */
  readonly coldBuildMs: number;
  /** The longest this thread's event loop stalled during the cold build (why the bot builds in a worker). */
  readonly inProcessMaxDelayMs: number;
  /** The whole knowledge base in this process: articles, passages and index (MB). */
  readonly heapMB: number;
  readonly arrayBuffersMB: number;
  /** The index alone (heap + array buffers, MB): what the raw baselines hold. */
  readonly indexMB: number;
  readonly cacheBytes: number;
  readonly cacheSaveMs: number;
  readonly cacheLoadMs: number;
}

/** Builds the knowledge base of a folder, timing each phase, and saves it to the cache. */
export async function buildOurs(
  dir: string,
  cacheDir: string,
): Promise<{ kb: KnowledgeBase; figures: BuildFigures }> {
  const before = memory();
  const { kb, timings } = await buildPhases(dir, cacheDir);
  // Only the knowledge base is alive now: the file bytes and the second index were left behind.
  const after = memory();
  return {
    kb,
    figures: {
      articles: kb.articles.size,
      passages: kb.passages.length,
      terms: kb.index.df.size,
      ...timings,
      heapMB: round(after.heapMB - before.heapMB),
      arrayBuffersMB: round(after.arrayBuffersMB - before.arrayBuffersMB),
    },
  };
}

async function buildPhases(dir: string, cacheDir: string) {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const start = performance.now();
  const [files, readMs] = await timed(() => readKnowledgeFiles(dir, { maxFileBytes: settings.maxFileBytes }));
  const [kb, buildMs] = await timed(() => buildKnowledgeBase(files, settings));
  const coldBuildMs = performance.now() - start;
  // The stall is recorded when the delayed timer finally fires: let it fire before stopping.
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  // The index alone, built again over the same passages: the rest of the build is parse + chunk.
  const beforeIndex = memory();
  const [index, indexMs] = await timed(() => buildPassageIndex(kb.articles, kb.passages));
  const afterIndex = memory();
  const indexMB =
    afterIndex.heapMB + afterIndex.arrayBuffersMB - beforeIndex.heapMB - beforeIndex.arrayBuffersMB;
  if (index.df.size !== kb.index.df.size) throw new Error('bench: the second index differs');
  await fs.rm(cacheDir, { recursive: true, force: true });
  const [file, cacheSaveMs] = await timed(() => saveCachedKnowledge(cacheDir, kb, settings));
  const [loaded, cacheLoadMs] = await timed(() => loadCachedKnowledge(cacheDir, files, settings));
  if (!('kb' in loaded)) throw new Error(`bench: the index cache did not load: ${loaded.miss}`);
  const timings = {
    readMs: round(readMs),
    parseChunkMs: round(buildMs - indexMs),
    indexMs: round(indexMs),
    coldBuildMs: round(coldBuildMs),
    inProcessMaxDelayMs: round(delay.max / 1e6),
    indexMB: round(indexMB),
    cacheBytes: (await fs.stat(file)).size,
    cacheSaveMs: round(cacheSaveMs),
    cacheLoadMs: round(cacheLoadMs),
  };
  return { kb, timings };
}

/** Query latencies of our engine. */
export interface QueryFigures {
  /** Full answer: passage search, sentence selection, Discord render. */
  readonly ask: Summary;
  /** Passage search alone (what the raw baselines do). */
  readonly search: Summary;
  /** `/ask` and `/article` autocomplete, as typed one character at a time. */
  readonly suggest: Summary;
  /** The first autocomplete call, which builds the suggestion lists. */
  readonly suggestIndexMs: number;
  /** Share of the questions answered (not "no match"/"low confidence"). */
  readonly answeredShare: number;
}

/** Times answers, searches and autocomplete over the questions. */
export async function queryOurs(
  kb: KnowledgeBase,
  queries: readonly string[],
  rounds: number,
): Promise<QueryFigures> {
  const engine = new Engine(kb, { builtAt: Date.now(), buildMs: 0, fromCache: false }, settings);
  const ask = latencies(queries, rounds, (q) => {
    const start = performance.now();
    const answer = engine.ask(q);
    return renderAnswer(answer, { elapsedMs: performance.now() - start });
  });
  const search = latencies(queries, rounds, (q) => searchPassages(kb, q, settings, settings.passagePool));
  const [, suggestIndexMs] = await timed(() => engine.suggest('question', 'a'));
  const titles = [...kb.articles.values()].slice(0, 100).map((a) => a.title);
  const typed = [
    ...queries.slice(0, 60).flatMap((q) => prefixes(q, 30).map((p) => ['question', p] as const)),
    ...titles.flatMap((t) => prefixes(t, 12).map((p) => ['article', p] as const)),
  ];
  const suggest = latencies(typed, 1, ([kind, partial]) => engine.suggest(kind, partial, 25));
  const answered = queries.filter((q) => engine.ask(q).answered).length;
  return {
    ask: summarize(ask),
    search: summarize(search),
    suggest: summarize(suggest),
    suggestIndexMs: round(suggestIndexMs),
    answeredShare: round(answered / queries.length),
  };
}

function prefixes(text: string, max: number): string[] {
  return Array.from({ length: Math.min(max, text.length) }, (_, i) => text.slice(0, i + 1));
}
