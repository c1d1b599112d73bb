import { describe, expect, it } from 'vitest';
import { coalesce } from '../../src/host/coalesce.ts';

/** A task whose runs are counted and which finishes only when told to. */
function gatedTask() {
  const gates: Array<() => void> = [];
  let runs = 0;
  const task = coalesce(async () => {
    const run = ++runs;
    await new Promise<void>((resolve) => gates.push(resolve));
    return run;
  });
  const open = async () => {
    while (gates.length === 0) await new Promise((r) => setImmediate(r));
    gates.shift()?.();
  };
  return { task, open, runs: () => runs };
}

describe('coalesce', () => {
  it('runs once for one call', async () => {
    const { task, open, runs } = gatedTask();
    const result = task();
    await open();
    expect(await result).toBe(1);
    expect(runs()).toBe(1);
  });

  it('shares one follow-up run among all calls made while a run is going', async () => {
    const { task, open, runs } = gatedTask();
    const first = task();
    const later = [task(), task(), task()];
    await open();
    expect(await first).toBe(1);
    await open();
    expect(await Promise.all(later)).toEqual([2, 2, 2]);
    expect(runs()).toBe(2);
  });

  it('starts afresh after a failed run', async () => {
    let runs = 0;
    const task = coalesce(async () => {
      runs++;
      if (runs === 1) throw new Error('first fails');
      return runs;
    });
    await expect(task()).rejects.toThrow('first fails');
    expect(await task()).toBe(2);
  });
});
