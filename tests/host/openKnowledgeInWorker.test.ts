import { promises as fs } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { KnowledgeService } from '../../src/core/operations.ts';
import type { ReloadReport } from '../../src/core/types.ts';
import { loadEngine } from '../../src/host/loadEngine.ts';
import { openKnowledgeInWorker } from '../../src/host/openKnowledgeInWorker.ts';
import {
  copyOfShippedKnowledge,
  generatedArticles,
  shippedKnowledge,
  tempFolder,
  writeFiles,
} from './knowledgeFolder.ts';

const open: KnowledgeService[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

/** Opens a worker service that the test's cleanup closes. */
async function service(options: Parameters<typeof openKnowledgeInWorker>[0]): Promise<KnowledgeService> {
  const s = await openKnowledgeInWorker(options);
  open.push(s);
  return s;
}

const volcano =
  '# Volcano Observatory\n\nThe volcano observatory on the island measures sulphur dioxide and ' +
  'seismic tremors every hour, and warns the harbour when the crater glows at night.\n';

describe('openKnowledgeInWorker', () => {
  it('answers exactly as the in-process engine over the shipped knowledge', async () => {
    const local = await loadEngine({ knowledgeDir: shippedKnowledge });
    const remote = await service({ knowledgeDir: shippedKnowledge });
    const questions = [
      'How many blockchain professionals will China train?',
      'Welche Unternehmen sind der Allianz beigetreten?',
      'Wo befindet sich die Allianz?',
      'something entirely unrelated to the articles',
      '',
    ];
    for (const q of questions) {
      expect(await remote.ask(q)).toEqual(local.ask(q));
      expect(await remote.search(q, { limit: 3 })).toEqual(local.search(q, { limit: 3 }));
      expect(await remote.suggest('question', q.slice(0, 8))).toEqual(
        local.suggest('question', q.slice(0, 8)),
      );
    }
    expect(await remote.ask(questions[0] as string, { offset: 1, limit: 1 })).toEqual(
      local.ask(questions[0] as string, { offset: 1, limit: 1 }),
    );
    expect(await remote.suggest('article', 'chi', 5)).toEqual(local.suggest('article', 'chi', 5));
    expect(await remote.article('Allianz')).toEqual(local.article('Allianz'));
    expect(await remote.article('no such article at all')).toEqual(local.article('no such article at all'));
    const { builtAt: _a, buildMs: _b, ...remoteStats } = await remote.stats();
    const { builtAt: _c, buildMs: _d, ...localStats } = local.stats();
    expect(remoteStats).toEqual(localStats);
  });

  it('fails to open, with the reason, when the folder does not exist', async () => {
    const dir = await tempFolder();
    await expect(openKnowledgeInWorker({ knowledgeDir: path.join(dir, 'missing') })).rejects.toThrow(
      /knowledge: cannot open folder/,
    );
  });

  it('finds an article added before a reload', async () => {
    const dir = await copyOfShippedKnowledge();
    const s = await service({ knowledgeDir: dir });
    expect((await s.search('volcano observatory sulphur')).total).toBe(0);
    await writeFiles(dir, { 'volcano.md': volcano });
    const report = await s.reload();
    expect(report).toMatchObject({ ok: true, stats: { articles: 3 } });
    const answer = await s.ask('What does the volcano observatory measure?');
    expect(answer.citations[0]?.source).toBe('volcano.md');
    expect((await s.stats()).articles).toBe(3);
  });

  it('keeps the old index and reports why when a reload finds no usable article', async () => {
    const dir = await copyOfShippedKnowledge();
    const s = await service({ knowledgeDir: dir });
    const before = await s.ask('How many blockchain professionals will China train?');
    for (const name of await fs.readdir(dir)) await fs.rm(path.join(dir, name));
    const report = await s.reload();
    expect(report.ok).toBe(false);
    expect(report).toMatchObject({
      error: expect.stringMatching(/no usable articles/),
      stats: { articles: 2 },
    });
    expect(await s.ask('How many blockchain professionals will China train?')).toEqual(before);
    expect((await s.stats()).articles).toBe(2);
  });

  it('coalesces reloads triggered during a reload into one more build', async () => {
    const dir = await copyOfShippedKnowledge();
    // An unreadable file: every load warns about it once, so warnings count the loads.
    await writeFiles(dir, { 'notes.xyz': 'not an article' });
    const loads: string[] = [];
    const s = await service({
      knowledgeDir: dir,
      onWarning: (m) => {
        if (m.includes("skipped 'notes.xyz'")) loads.push(m);
      },
    });
    const reports = await Promise.all([s.reload(), s.reload(), s.reload(), s.reload(), s.reload()]);
    expect(reports.every((r) => r.ok)).toBe(true);
    // The first reload, then one follow-up shared by the four that came during it.
    expect(new Set(reports).size).toBe(2);
    expect(loads).toHaveLength(1 + 2);
  });

  it('answers from the old index while a reload builds, without blocking this thread', async () => {
    const dir = await tempFolder();
    await writeFiles(dir, generatedArticles(400));
    await writeFiles(dir, { 'volcano.md': volcano });
    const s = await service({ knowledgeDir: dir });
    await writeFiles(dir, {
      'extra.md': '# Extra\n\nA glacier museum shows ice cores from the northern glacier.\n',
    });
    let reloaded: ReloadReport | undefined;
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const reloading = s.reload().then((r) => {
      reloaded = r;
    });
    const answer = await s.ask('What does the volcano observatory measure?');
    const glacier = await s.search('glacier museum ice cores');
    expect(reloaded).toBeUndefined();
    expect(answer.citations[0]?.source).toBe('volcano.md');
    expect(glacier.total).toBe(0);
    await reloading;
    clearInterval(ticker);
    expect(reloaded?.ok).toBe(true);
    // The timer kept firing while the new index was built (the build is on another thread).
    expect(ticks).toBeGreaterThan(0);
    expect((await s.search('glacier museum ice cores')).hits[0]?.source).toBe('extra.md');
  });

  it('reports a crashed worker to the pending request and answers again from a new worker', async () => {
    const warnings: string[] = [];
    const s = await service({
      knowledgeDir: shippedKnowledge,
      workerScript: new URL('./fixtures/crashingWorker.ts', import.meta.url),
      onWarning: (m) => warnings.push(m),
    });
    await expect(s.ask('crash now')).rejects.toThrow(/engine worker stopped \(exit code 3\)/);
    const answer = await s.ask('How many blockchain professionals will China train?');
    expect(answer.answered).toBe(true);
    expect(warnings.some((w) => w.includes('starting a new one'))).toBe(true);
  });

  it('stops answering once closed', async () => {
    const s = await openKnowledgeInWorker({ knowledgeDir: shippedKnowledge });
    await s.close();
    await expect(s.ask('blockchain')).rejects.toThrow(/closed/);
    expect((await s.reload()).ok).toBe(false);
  });

  it('reloads by itself when a file is added to a watched folder', async () => {
    const dir = await copyOfShippedKnowledge();
    let onReload: (report: ReloadReport) => void = () => {};
    const reloaded = new Promise<ReloadReport>((resolve) => {
      onReload = resolve;
    });
    const s = await service({ knowledgeDir: dir, watch: { debounceMs: 50 }, onReload: (r) => onReload(r) });
    await writeFiles(dir, { 'volcano.md': volcano });
    expect(await reloaded).toMatchObject({ ok: true, stats: { articles: 3 } });
    expect((await s.ask('What does the volcano observatory measure?')).citations[0]?.source).toBe(
      'volcano.md',
    );
  });
});
