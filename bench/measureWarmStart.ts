import { spawn } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mb, round } from './stats.ts';

/** A start with the index in the cache, from spawning the process to its first rendered answer. */
export interface WarmStart {
  /** Spawn → first answer, as the parent saw it (includes tsx's own start). */
  readonly totalMs: number;
  /** Inside the child: module loading, then opening the knowledge (cache load), then the answer. */
  readonly modulesMs: number;
  readonly loadMs: number;
  /** After loading, in the process that holds the engine. */
  readonly heapMB: number;
  readonly arrayBuffersMB: number;
  readonly rssMB: number;
}

interface ChildReport {
  readonly fromCache: boolean;
  readonly modulesMs: number;
  readonly loadMs: number;
  readonly heapUsed: number;
  readonly arrayBuffers: number;
  readonly rss: number;
}

/** Starts the warm-start child `runs` times and keeps the median run (by total time). */
export async function measureWarmStart(
  root: string,
  knowledgeDir: string,
  cacheDir: string,
  mode: 'inprocess' | 'worker',
  question: string,
  runs = 3,
): Promise<WarmStart> {
  const results: WarmStart[] = [];
  for (let i = 0; i < runs; i++) results.push(await once(root, knowledgeDir, cacheDir, mode, question));
  results.sort((a, b) => a.totalMs - b.totalMs);
  return results[Math.floor(results.length / 2)] as WarmStart;
}

function once(
  root: string,
  knowledgeDir: string,
  cacheDir: string,
  mode: string,
  question: string,
): Promise<WarmStart> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
    const child = spawn(
      tsx,
      [path.join(root, 'bench', 'warmStart.ts'), knowledgeDir, cacheDir, mode, question],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    let result: WarmStart | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (result || !out.includes('\n')) return;
      const totalMs = performance.now() - started;
      const report = JSON.parse(out.slice(0, out.indexOf('\n'))) as ChildReport;
      if (!report.fromCache) reject(new Error('bench: the warm start did not use the index cache'));
      result = {
        totalMs: round(totalMs),
        modulesMs: round(report.modulesMs),
        loadMs: round(report.loadMs),
        heapMB: mb(report.heapUsed),
        arrayBuffersMB: mb(report.arrayBuffers),
        rssMB: mb(report.rss),
      };
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`bench: warm start child failed (exit ${code}): ${err.slice(-2000)}`));
    });
  });
}
