import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

/** Latency figures over a set of samples (ms). */
export interface Summary {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly mean: number;
}

/** Nearest-rank percentiles of samples in ms, rounded to 0.01 ms. */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  const mean = sorted.reduce((s, x) => s + x, 0) / (sorted.length || 1);
  return {
    n: sorted.length,
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    p99: round(at(0.99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(mean),
  };
}

/** Runs `fn` and returns its result and how long it took (ms). */
export async function timed<T>(fn: () => T | Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const result = await fn();
  return [result, performance.now() - start];
}

/** Times each call of `fn` over the inputs, `rounds` times over, after `warmUp` unmeasured calls. */
export function latencies<I>(
  inputs: readonly I[],
  rounds: number,
  fn: (input: I) => unknown,
  warmUp = inputs.length,
): number[] {
  for (const input of inputs.slice(0, warmUp)) fn(input);
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const input of inputs) {
      const start = performance.now();
      fn(input);
      samples.push(performance.now() - start);
    }
  }
  return samples;
}

// `npm run bench` runs plain tsx, without --expose-gc: switch the flag on at run time.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;

/** Memory in MB after a full garbage collection. */
export function memory(): { heapMB: number; arrayBuffersMB: number; rssMB: number } {
  collect();
  collect();
  const m = process.memoryUsage();
  return { heapMB: mb(m.heapUsed), arrayBuffersMB: mb(m.arrayBuffers), rssMB: mb(m.rss) };
}

/** Bytes to MB, one decimal. */
export function mb(bytes: number): number {
  return Math.round(bytes / 1024 / 102.4) / 10;
}

/** Rounds to 0.01. */
export function round(x: number): number {
  return Math.round(x * 100) / 100;
}
