import { execFileSync, spawn } from 'node:child_process';
import { promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { mb, round } from './stats.ts';

/** A start from spawning the process to its first rendered answer. */
export interface WarmStart {
  /** Spawn → first answer, as the parent saw it (includes tsx's own start). */
  readonly totalMs: number;
  /** Inside the child: module loading, then opening the knowledge (cache load), then the answer. */
  readonly modulesMs: number;
  readonly loadMs: number;
  /** After the first answer, in the process that holds the engine (garbage collected). */
  readonly heapMB: number;
  readonly arrayBuffersMB: number;
  readonly rssMB: number;
  /** In-process only: the same once every language is decoded. */
  readonly warmHeapMB: number;
  readonly warmArrayBuffersMB: number;
  readonly warmRssMB: number;
  /** The process's peak RSS (the kernel's figure). */
  readonly maxRssMB: number;
}

interface ChildReport {
  readonly fromCache: boolean;
  readonly modulesMs: number;
  readonly loadMs: number;
  readonly heapUsed: number;
  readonly arrayBuffers: number;
  readonly rss: number;
  readonly warmHeapUsed: number;
  readonly warmArrayBuffers: number;
  readonly warmRss: number;
  readonly maxRss: number;
}

/**
 * Starts the bench child `runs` times and keeps the median run (by total time). `cold` starts
 * from an empty cache each time (building and writing the cache); the others from the cache.
 */
export async function measureWarmStart(
  root: string,
  knowledgeDir: string,
  cacheDir: string,
  mode: 'inprocess' | 'worker' | 'cold',
  question: string,
  runs = 3,
): Promise<WarmStart> {
  const results: WarmStart[] = [];
  for (let i = 0; i < runs; i++) {
    const dir = mode === 'cold' ? `${cacheDir}-cold` : cacheDir;
    if (mode === 'cold') await fs.rm(dir, { recursive: true, force: true });
    results.push(await once(root, knowledgeDir, dir, mode, question));
  }
  return median(results);
}

function median<T extends { totalMs: number }>(results: T[]): T {
  results.sort((a, b) => a.totalMs - b.totalMs);
  return results[Math.floor(results.length / 2)] as T;
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
      if (report.fromCache !== (mode !== 'cold')) {
        reject(new Error(`bench: the ${mode} start did not ${mode === 'cold' ? 'build' : 'use the cache'}`));
      }
      result = {
        totalMs: round(totalMs),
        modulesMs: round(report.modulesMs),
        loadMs: round(report.loadMs),
        heapMB: mb(report.heapUsed),
        arrayBuffersMB: mb(report.arrayBuffers),
        rssMB: mb(report.rss),
        warmHeapMB: mb(report.warmHeapUsed),
        warmArrayBuffersMB: mb(report.warmArrayBuffers),
        warmRssMB: mb(report.warmRss),
        maxRssMB: mb(report.maxRss),
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

/** `npm start`'s production process (built JavaScript, no Discord token) answering one question. */
export interface ProductionStart {
  /** Spawn of `node dist/main.js` → its first answer on stdout. */
  readonly totalMs: number;
  /** The process's RSS and peak RSS when the answer arrived (from /proc). */
  readonly rssMB: number;
  readonly peakRssMB: number;
}

/**
 * Builds `dist/` if it is stale (as `npm start` does), then starts `node dist/main.js` in
 * terminal mode `runs` times with the cache warm, and keeps the median run.
 */
export async function measureProductionStart(
  root: string,
  knowledgeDir: string,
  cacheDir: string,
  question: string,
  runs = 3,
): Promise<ProductionStart> {
  execFileSync(process.execPath, [path.join(root, 'scripts', 'buildIfStale.mjs')], { stdio: 'inherit' });
  const results: ProductionStart[] = [];
  for (let i = 0; i < runs; i++) results.push(await productionOnce(root, knowledgeDir, cacheDir, question));
  return median(results);
}

function productionOnce(
  root: string,
  knowledgeDir: string,
  cacheDir: string,
  question: string,
): Promise<ProductionStart> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [path.join(root, 'dist', 'main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        KNOWLEDGE_DIR: knowledgeDir,
        CACHE_DIR: cacheDir,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.write(`${question}\n`);
    let out = '';
    let err = '';
    let result: ProductionStart | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      const banner = out.includes('Ask a question');
      out += chunk.toString();
      // The answer is one write after the banner.
      if (result || !banner) return;
      const totalMs = performance.now() - started;
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      result = {
        totalMs: round(totalMs),
        rssMB: round(kb('VmRSS') / 1024),
        peakRssMB: round(kb('VmHWM') / 1024),
      };
      child.stdin.end();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (result && code === 0) resolve(result);
      else reject(new Error(`bench: production start failed (exit ${code}): ${err.slice(-2000)}`));
    });
  });
}
