import { afterEach, describe, expect, it } from 'vitest';
import {
  ENGINE_OPERATIONS,
  type KnowledgeService,
  type OperationArgs,
  type OperationName,
  runOperation,
} from '../../src/core/operations.ts';
import { EngineThread } from '../../src/host/engineThread.ts';
import { loadEngine } from '../../src/host/loadEngine.ts';
import { openKnowledge } from '../../src/host/openKnowledge.ts';
import { openKnowledgeInWorker } from '../../src/host/openKnowledgeInWorker.ts';
import { fakeService } from '../adapters/discord/fakeService.ts';
import { shippedKnowledge } from './knowledgeFolder.ts';

/** Arguments for every operation: a new operation does not compile until it has an entry here. */
const samples: { readonly [K in OperationName]: OperationArgs<K> } = {
  ask: ['How many blockchain professionals will China train?', { offset: 0, limit: 2 }],
  search: ['blockchain', { offset: 1, limit: 3 }],
  article: ['alliance'],
  suggest: ['question', 'block', 5],
  stats: [],
};

/** What every operation's result is compared on (stats carry build times, which differ per load). */
function comparable(op: OperationName, value: unknown): unknown {
  if (op !== 'stats') return value;
  const {
    builtAt: _builtAt,
    buildMs: _buildMs,
    fromCache: _fromCache,
    ...rest
  } = value as Record<string, unknown>;
  return rest;
}

const services: KnowledgeService[] = [];
const threads: EngineThread[] = [];
afterEach(async () => {
  await Promise.all([...services.splice(0).map((s) => s.close()), ...threads.splice(0).map((t) => t.stop())]);
});

describe('the engine operations', () => {
  it('are served, with the same results, by the engine, the worker thread and both services', async () => {
    const engine = await loadEngine({ knowledgeDir: shippedKnowledge });
    while (engine.warmUp());
    const thread = new EngineThread(
      { knowledgeDir: shippedKnowledge },
      { onWarning: () => {}, onCrash: () => {} },
    );
    threads.push(thread);
    await thread.ready;
    const inProcess = await openKnowledge({ knowledgeDir: shippedKnowledge });
    const inWorker = await openKnowledgeInWorker({ knowledgeDir: shippedKnowledge });
    services.push(inProcess, inWorker);

    for (const op of ENGINE_OPERATIONS) {
      const args = samples[op];
      const expected = comparable(op, runOperation(engine, op, args));
      // Every operation reaches the worker and comes back as the engine would answer it.
      expect(comparable(op, await thread.call(op, args)), `worker: ${op}`).toEqual(expected);
      for (const [name, service] of [
        ['in-process service', inProcess],
        ['worker service', inWorker],
      ] as const) {
        const call = service[op] as (...a: typeof args) => Promise<unknown>;
        expect(comparable(op, await call(...args)), `${name}: ${op}`).toEqual(expected);
      }
    }
  });

  it('are all answered by the test double, which is derived from the same list', async () => {
    const fake = fakeService();
    for (const op of ENGINE_OPERATIONS) {
      const call = fake[op] as (...a: OperationArgs<typeof op>) => Promise<unknown>;
      await expect(
        call(...samples[op]).then(() => 'answered'),
        op,
      ).resolves.toBe('answered');
    }
    expect(Object.keys(fake).sort()).toEqual([...ENGINE_OPERATIONS, 'close', 'reload'].sort());
  });

  it('sample a non-empty result of every operation over the shipped knowledge', async () => {
    const engine = await loadEngine({ knowledgeDir: shippedKnowledge });
    const ask = runOperation(engine, 'ask', samples.ask);
    expect(ask.answered).toBe(true);
    expect(runOperation(engine, 'search', samples.search).hits.length).toBeGreaterThan(0);
    expect(runOperation(engine, 'article', samples.article)).toBeDefined();
    expect(runOperation(engine, 'suggest', samples.suggest).length).toBeGreaterThan(0);
    expect(runOperation(engine, 'stats', samples.stats).articles).toBeGreaterThan(0);
  });
});
