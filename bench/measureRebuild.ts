import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { openKnowledgeInWorker } from '../src/host/openKnowledgeInWorker.ts';
import { round, type Summary, summarize } from './stats.ts';

/** What this thread saw while the worker rebuilt the index from scratch. */
export interface RebuildFigures {
  readonly rebuildMs: number;
  /** Event-loop delay of this thread during the rebuild (ms). */
  readonly maxDelayMs: number;
  readonly p99DelayMs: number;
  /** Questions asked every 50 ms during the rebuild, answered by the old index meanwhile. */
  readonly askedDuring: Summary;
  /**
   * Control: this thread's max event-loop delay while a worker merely spins for as long as the
   * rebuild took. What the machine's scheduling costs any busy thread, whatever it does.
   */
  readonly spinningWorkerMaxDelayMs: number;
}

/**
 * Opens the folder in a worker without a cache (so a reload really rebuilds), then reloads it
 * while watching this thread's event loop and asking questions.
 */
export async function measureRebuild(
  knowledgeDir: string,
  queries: readonly string[],
): Promise<RebuildFigures> {
  const service = await openKnowledgeInWorker({ knowledgeDir });
  try {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const asked: number[] = [];
    let reloading = true;
    let next = 0;
    const askLoop = (async () => {
      while (reloading) {
        const start = performance.now();
        await service.ask(queries[next++ % queries.length] as string);
        asked.push(performance.now() - start);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    delay.enable();
    const start = performance.now();
    const report = await service.reload();
    const rebuildMs = performance.now() - start;
    // A stall is recorded when the delayed timer fires: let it fire before stopping.
    await new Promise((resolve) => setTimeout(resolve, 20));
    delay.disable();
    reloading = false;
    await askLoop;
    if (!report.ok) throw new Error(`bench: the rebuild failed: ${report.error}`);
    return {
      rebuildMs: round(rebuildMs),
      maxDelayMs: round(delay.max / 1e6),
      p99DelayMs: round(delay.percentile(99) / 1e6),
      askedDuring: summarize(asked),
      spinningWorkerMaxDelayMs: await spinningWorkerDelay(rebuildMs),
    };
  } finally {
    await service.close();
  }
}

async function spinningWorkerDelay(ms: number): Promise<number> {
  const spin = `let x = 0; const end = Date.now() + ${Math.round(ms)}; while (Date.now() < end) x += Math.sqrt(x + 1);`;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  await new Promise((resolve, reject) =>
    new Worker(spin, { eval: true }).on('exit', resolve).on('error', reject),
  );
  await new Promise((resolve) => setTimeout(resolve, 20));
  delay.disable();
  return round(delay.max / 1e6);
}
