/**
 * `tsx bench/profileAsk.ts [--knowledge DIR] [--top N] [--repeat N]`: loads (or builds and caches)
 * the knowledge base, times every bench question's `ask` (min of 3), prints the slowest, then
 * asks the slowest `--top` questions `--repeat` times more — run it under `node --cpu-prof` to see
 * where their time goes.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Engine } from '../src/core/engine.ts';
import { buildKnowledgeBase } from '../src/core/knowledgeBase.ts';
import { DefaultSearchSettings } from '../src/core/search/settings.ts';
import { loadCachedKnowledge, saveCachedKnowledge } from '../src/host/indexCache.ts';
import { readKnowledgeFiles } from '../src/host/readKnowledge.ts';
import { parseBenchArgs } from './args.ts';
import { readQueries } from './corpus.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values } = parseArgs({
  options: {
    knowledge: { type: 'string', default: path.join(root, '.bench', 'handbook') },
    top: { type: 'string', default: '40' },
    repeat: { type: 'string', default: '10' },
  },
});
const settings = DefaultSearchSettings;
const cacheDir = path.join(root, '.bench', 'work', 'cache-profile');
const files = await readKnowledgeFiles(values.knowledge, { maxFileBytes: settings.maxFileBytes });
const loaded = await loadCachedKnowledge(cacheDir, files, settings);
let kb = 'kb' in loaded ? loaded.kb : undefined;
if (!kb) {
  kb = buildKnowledgeBase(files, settings);
  await saveCachedKnowledge(cacheDir, kb, settings);
}
const engine = new Engine(kb, { builtAt: Date.now(), buildMs: 0, fromCache: true }, settings);
const queries = await readQueries(parseBenchArgs([], root).queries);
for (const q of queries) engine.ask(q);
const times = queries.map((q) => {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 3; r++) {
    const start = performance.now();
    engine.ask(q);
    best = Math.min(best, performance.now() - start);
  }
  return { q, ms: best };
});
const sorted = [...times].sort((a, b) => a.ms - b.ms);
const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]?.ms ?? 0;
console.log(
  `min-of-3 ask: p50 ${at(0.5).toFixed(2)} p95 ${at(0.95).toFixed(2)} p99 ${at(0.99).toFixed(2)} ms`,
);
const slow = sorted.slice(-Number(values.top)).reverse();
for (const { q, ms } of slow.slice(0, 15)) console.log(`${ms.toFixed(1).padStart(6)} ms  ${q.slice(0, 90)}`);
const start = performance.now();
for (let r = 0; r < Number(values.repeat); r++) for (const { q } of slow) engine.ask(q);
console.log(`slowest ${slow.length} × ${values.repeat}: ${(performance.now() - start).toFixed(0)} ms`);
