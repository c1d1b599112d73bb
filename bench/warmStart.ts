/**
 * Child process of the benchmark: starts as `npm run dev` would (tsx), opens the knowledge — in
 * this process (terminal) or in a worker (Discord), from the index cache, or with `cold` from an
 * empty cache (building and writing it) — answers one question, renders it, and prints one JSON
 * line with its timings and memory.
 *
 * usage: tsx bench/warmStart.ts KNOWLEDGE_DIR CACHE_DIR inprocess|worker|cold QUESTION
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { renderAnswer } from '../src/adapters/discord/render/index.ts';
import type { KnowledgeService } from '../src/core/operations.ts';
import { loadEngine } from '../src/host/loadEngine.ts';
import { openKnowledgeInWorker } from '../src/host/openKnowledgeInWorker.ts';

const [knowledgeDir, cacheDir, mode, question] = process.argv.slice(2);
if (!knowledgeDir || !cacheDir || !question || !['inprocess', 'worker', 'cold'].includes(mode ?? '')) {
  throw new Error('usage: tsx bench/warmStart.ts KNOWLEDGE_DIR CACHE_DIR inprocess|worker|cold QUESTION');
}
v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;
/** What stays alive, without the garbage of loading. */
const settled = () => {
  gc();
  return process.memoryUsage();
};

const modulesLoaded = performance.now();
let service: KnowledgeService | undefined;
let warmUp = () => {};
let ask: (q: string) => Promise<ReturnType<Awaited<ReturnType<typeof loadEngine>>['ask']>>;
let stats: () => Promise<{ fromCache: boolean }>;
if (mode === 'worker') {
  const s = await openKnowledgeInWorker({ knowledgeDir, cacheDir });
  service = s;
  ask = (q) => s.ask(q);
  stats = () => s.stats();
} else {
  const engine = await loadEngine({ knowledgeDir, cacheDir });
  ask = async (q) => engine.ask(q);
  stats = async () => engine.stats();
  warmUp = () => {
    while (engine.warmUp());
  };
}
const loaded = performance.now();
const answer = await ask(question);
renderAnswer(answer, { elapsedMs: performance.now() - loaded });
const answered = performance.now();
const { fromCache } = await stats();
const memory = settled();
warmUp();
const warm = settled();
process.stdout.write(
  `${JSON.stringify({
    fromCache,
    answered: answer.answered,
    // performance.now() counts from this process's start.
    modulesMs: modulesLoaded,
    loadMs: loaded - modulesLoaded,
    firstAnswerMs: answered,
    heapUsed: memory.heapUsed,
    arrayBuffers: memory.arrayBuffers,
    rss: memory.rss,
    warmHeapUsed: warm.heapUsed,
    warmArrayBuffers: warm.arrayBuffers,
    warmRss: warm.rss,
    maxRss: process.resourceUsage().maxRSS * 1024,
  })}\n`,
);
await service?.close();
