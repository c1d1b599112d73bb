import type { BenchResults, ShareResult } from './run.ts';
import type { Summary } from './stats.ts';
import { duration, markdownTable, num, share } from './table.ts';

/** One target of issue 6, checked on the largest share measured. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean;
}

/** Checks the targets on the largest share (they are meant for the whole corpus). */
export function checkTargets(r: BenchResults): TargetCheck[] {
  const s = r.shares.at(-1);
  if (!s) return [];
  const production = s.warmStart.production;
  const checks: TargetCheck[] = [
    check('ask p50 ≤ 5 ms', s.query.ask.p50, 5),
    check('ask p99 ≤ 25 ms', s.query.ask.p99, 25),
    check('autocomplete p99 ≤ 10 ms', s.query.suggest.p99, 10),
    check('cold build ≤ 20 s (read + parse + chunk + index)', s.build.coldBuildMs, 20_000),
    {
      target: 'cold build peak RSS ≤ 1.5 GB',
      measured: `${num(s.coldStart.maxRssMB)} MB`,
      met: s.coldStart.maxRssMB <= 1536,
    },
    check('warm start → first answer ≤ 3 s (node dist/main.js)', production.totalMs, 3_000),
    {
      target: 'RSS after a warm start ≤ 800 MB',
      measured: `${num(production.rssMB)} MB`,
      met: production.rssMB <= 800,
    },
    {
      target: 'RSS with every language decoded ≤ 800 MB',
      measured: `${num(s.warmStart.inProcess.warmRssMB)} MB`,
      met: s.warmStart.inProcess.warmRssMB <= 800,
    },
    check('max event-loop delay during a rebuild ≤ 50 ms', s.rebuild.maxDelayMs, 50),
  ];
  if (s.miniSearch) {
    const ratio = s.miniSearch.search.p99 / s.query.ask.p99;
    checks.push({
      target: 'ask p99 ≥ 20× below MiniSearch defaults',
      measured: `${num(ratio)}× (${duration(s.miniSearch.search.p99)} / ${duration(s.query.ask.p99)})`,
      met: ratio >= 20,
    });
  }
  return checks;
}

function check(target: string, ms: number, limit: number): TargetCheck {
  return { target, measured: duration(ms), met: ms <= limit };
}

/** Prints the growth table, the side-by-side comparison and the targets. */
export function printResults(r: BenchResults): void {
  const out = (text = '') => process.stdout.write(`${text}\n`);
  out(
    `\n## citebot benchmark — ${r.date.slice(0, 10)}, ${r.machine.cpus} × ${r.machine.cpu}, ` +
      `${r.machine.memoryGB} GB, Node ${r.machine.node}`,
  );
  out(`Corpus: ${r.knowledge}; ${r.queries} questions, ${r.rounds} timed rounds.\n`);
  const header = ['', ...r.shares.map((s) => `${share(s.fraction)} of the corpus`)];
  const row = (label: string, f: (s: ShareResult) => string) => [label, ...r.shares.map(f)];
  const pcts = (x: Summary) => `${duration(x.p50)} / ${duration(x.p95)} / ${duration(x.p99)}`;
  out(
    markdownTable(header, [
      row('articles / passages', (s) => `${num(s.build.articles)} / ${num(s.build.passages)}`),
      row('index terms', (s) => num(s.build.terms)),
      row('read files', (s) => duration(s.build.readMs)),
      row('parse + chunk', (s) => duration(s.build.parseChunkMs)),
      row('index build', (s) => duration(s.build.indexMs)),
      row('cold build (read + parse + chunk + index)', (s) => duration(s.build.coldBuildMs)),
      row('cache file', (s) => `${num(s.build.cacheBytes / 2 ** 20)} MB`),
      row('cache save / load', (s) => `${duration(s.build.cacheSaveMs)} / ${duration(s.build.cacheLoadMs)}`),
      row('cold start → first answer (empty cache; incl. cache write)', (s) => duration(s.coldStart.totalMs)),
      row('… its peak RSS', (s) => `${num(s.coldStart.maxRssMB)} MB`),
      row('warm start → first answer (node dist/main.js, as npm start)', (s) =>
        duration(s.warmStart.production.totalMs),
      ),
      row(
        '… RSS then / peak',
        (s) => `${num(s.warmStart.production.rssMB)} / ${num(s.warmStart.production.peakRssMB)} MB`,
      ),
      row('warm start → first answer (tsx, engine in a worker)', (s) => duration(s.warmStart.worker.totalMs)),
      row('warm start → first answer (tsx, in-process)', (s) => duration(s.warmStart.inProcess.totalMs)),
      row(
        'RSS with every language decoded (in-process)',
        (s) => `${num(s.warmStart.inProcess.warmRssMB)} MB`,
      ),
      row(
        'knowledge base in memory (index alone)',
        (s) => `${num(s.build.heapMB + s.build.arrayBuffersMB)} MB (${num(s.build.indexMB)} MB)`,
      ),
      row(
        'heap + array buffers after load (in-process)',
        (s) => `${num(s.warmStart.inProcess.heapMB)} + ${num(s.warmStart.inProcess.arrayBuffersMB)} MB`,
      ),
      row('RSS after load (worker, whole process)', (s) => `${num(s.warmStart.worker.rssMB)} MB`),
      row('ask p50 / p95 / p99 (search + snippets + render)', (s) => pcts(s.query.ask)),
      row('passage search p50 / p95 / p99', (s) => pcts(s.query.search)),
      row(
        'autocomplete p50 / p99',
        (s) => `${duration(s.query.suggest.p50)} / ${duration(s.query.suggest.p99)}`,
      ),
      row('first autocomplete (builds its lists)', (s) => duration(s.query.suggestIndexMs)),
      row('rebuild in the worker', (s) => duration(s.rebuild.rebuildMs)),
      row(
        'event-loop delay during the rebuild: max / p99',
        (s) => `${duration(s.rebuild.maxDelayMs)} / ${duration(s.rebuild.p99DelayMs)}`,
      ),
      row('control: max delay beside a worker that only spins', (s) =>
        duration(s.rebuild.spinningWorkerMaxDelayMs),
      ),
      row(
        'questions answered during the rebuild (p50 / max)',
        (s) =>
          `${s.rebuild.askedDuring.n} (${duration(s.rebuild.askedDuring.p50)} / ${duration(s.rebuild.askedDuring.max)})`,
      ),
      row('max event-loop delay of an in-process build', (s) => duration(s.build.inProcessMaxDelayMs)),
      row('questions answered (not "no match")', (s) => `${num(s.query.answeredShare * 100, 0)} %`),
    ]),
  );
  if (r.shares.some((s) => s.miniSearch && s.lunr)) {
    out('\nSide by side, same passages and questions (p50 / p99; build; heap):\n');
    const rows = r.shares.flatMap((s) => {
      if (!s.miniSearch || !s.lunr) return [];
      const ours = s.query.ask;
      const vs = (p: Summary) => `${num(p.p50 / ours.p50)}× / ${num(p.p99 / ours.p99)}×`;
      return [
        [
          share(s.fraction),
          `${duration(ours.p50)} / ${duration(ours.p99)}`,
          `${duration(s.query.search.p50)} / ${duration(s.query.search.p99)}`,
          `${duration(s.miniSearch.search.p50)} / ${duration(s.miniSearch.search.p99)}`,
          `${duration(s.lunr.search.p50)} / ${duration(s.lunr.search.p99)}`,
          vs(s.miniSearch.search),
          vs(s.lunr.search),
          `${duration(s.build.indexMs)} / ${duration(s.miniSearch.buildMs)} / ${duration(s.lunr.buildMs)}`,
          `${num(s.build.indexMB, 0)} / ${num(s.miniSearch.heapMB, 0)} / ${num(s.lunr.heapMB, 0)} MB`,
        ],
      ];
    });
    out(
      markdownTable(
        [
          'share',
          'citebot ask',
          'citebot search only',
          'MiniSearch defaults',
          'Lunr',
          'MiniSearch ÷ ask',
          'Lunr ÷ ask',
          'index build: ours / MS / Lunr',
          'index memory: ours / MS / Lunr',
        ],
        rows,
      ),
    );
  }
  out('\nTargets (largest share):\n');
  out(
    markdownTable(
      ['target', 'measured', 'met'],
      checkTargets(r).map((c) => [c.target, c.measured, c.met ? 'yes' : 'NO']),
    ),
  );
}
