/**
 * Child process of the benchmark: starts as `npm start` would (tsx), opens the knowledge with the
 * index cache — in this process (terminal) or in a worker (Discord) — answers one question,
 * renders it, and prints one JSON line with its timings and memory.
 *
 * usage: tsx bench/warmStart.ts KNOWLEDGE_DIR CACHE_DIR inprocess|worker QUESTION
 */
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { renderAnswer } from '../src/adapters/discord/render/index.ts';
import { openKnowledge } from '../src/host/openKnowledge.ts';
import { openKnowledgeInWorker } from '../src/host/openKnowledgeInWorker.ts';

const [knowledgeDir, cacheDir, mode, question] = process.argv.slice(2);
if (!knowledgeDir || !cacheDir || !question || (mode !== 'inprocess' && mode !== 'worker')) {
  throw new Error('usage: tsx bench/warmStart.ts KNOWLEDGE_DIR CACHE_DIR inprocess|worker QUESTION');
}
const modulesLoaded = performance.now();
const open = mode === 'worker' ? openKnowledgeInWorker : openKnowledge;
const service = await open({ knowledgeDir, cacheDir });
const loaded = performance.now();
const answer = await service.ask(question);
renderAnswer(answer, { elapsedMs: performance.now() - loaded });
const answered = performance.now();
const stats = await service.stats();
// What stays alive after loading, without the garbage of parsing the cache.
v8.setFlagsFromString('--expose-gc');
(vm.runInNewContext('gc') as () => void)();
const memory = process.memoryUsage();
process.stdout.write(
  `${JSON.stringify({
    fromCache: stats.fromCache,
    answered: answer.answered,
    // performance.now() counts from this process's start.
    modulesMs: modulesLoaded,
    loadMs: loaded - modulesLoaded,
    firstAnswerMs: answered,
    heapUsed: memory.heapUsed,
    arrayBuffers: memory.arrayBuffers,
    rss: memory.rss,
  })}\n`,
);
await service.close();
