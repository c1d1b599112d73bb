import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/index.ts';

function problems(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => ({ ...p }));
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('SHARD_COUNT and SHARD_IDS', () => {
  it('leaves sharding off when neither is set, as a bot in under 2,500 servers runs', () => {
    expect(parseConfig({}).shards).toBeUndefined();
    expect(parseConfig({ SHARD_COUNT: ' ', SHARD_IDS: '' }).shards).toBeUndefined();
  });

  it('runs every shard of SHARD_COUNT when SHARD_IDS is unset', () => {
    expect(parseConfig({ SHARD_COUNT: '4' }).shards).toEqual({ count: 4 });
    expect(parseConfig({ SHARD_COUNT: ' AUTO ' }).shards).toEqual({ count: 'auto' });
  });

  it('reads ranges and lists, sorted and without repeats', () => {
    expect(parseConfig({ SHARD_COUNT: '8', SHARD_IDS: '0-3' }).shards).toEqual({
      count: 8,
      ids: [0, 1, 2, 3],
    });
    expect(parseConfig({ SHARD_COUNT: '8', SHARD_IDS: '6, 0,2,2' }).shards?.ids).toEqual([0, 2, 6]);
    expect(parseConfig({ SHARD_COUNT: '16', SHARD_IDS: '8 - 9,0-1,' }).shards?.ids).toEqual([0, 1, 8, 9]);
  });

  it('says what SHARD_COUNT accepts', () => {
    for (const value of ['0', '-1', 'two', '1.5', '100001']) {
      expect(problems({ SHARD_COUNT: value })).toEqual([
        { variable: 'SHARD_COUNT', message: 'must be auto or a whole number from 1 to 100000' },
      ]);
    }
  });

  it('names the part of SHARD_IDS it cannot read', () => {
    expect(problems({ SHARD_COUNT: '4', SHARD_IDS: '0-1,x' })).toEqual([
      { variable: 'SHARD_IDS', message: "'x' is not a shard id or a range of them (write 0-3 or 0,2)" },
    ]);
    expect(problems({ SHARD_COUNT: '4', SHARD_IDS: '3-1' })).toEqual([
      { variable: 'SHARD_IDS', message: 'the range 3-1 runs backwards (write 1-3)' },
    ]);
    expect(problems({ SHARD_COUNT: '4', SHARD_IDS: ',' })[0]?.message).toMatch(/names no shard/);
  });

  it('wants every id below SHARD_COUNT', () => {
    expect(problems({ SHARD_COUNT: '4', SHARD_IDS: '2-4' })).toEqual([
      { variable: 'SHARD_IDS', message: 'shard 4 is not below SHARD_COUNT=4: ids run from 0 to 3' },
    ]);
    expect(problems({ SHARD_COUNT: '2', SHARD_IDS: '0-9' })[0]?.message).toBe(
      'shards 2, 3, 4, … are not below SHARD_COUNT=2: ids run from 0 to 1',
    );
  });

  it('wants SHARD_COUNT beside SHARD_IDS, since ids alone do not say how guilds are split', () => {
    expect(problems({ SHARD_IDS: '0-1' })).toEqual([
      {
        variable: 'SHARD_IDS',
        message: 'needs SHARD_COUNT too: the number of shards across all machines (or auto)',
      },
    ]);
  });

  it('wants a fixed SHARD_COUNT beside SHARD_IDS, so every machine splits the servers alike', () => {
    expect(problems({ SHARD_COUNT: 'auto', SHARD_IDS: '0-1' })).toEqual([
      { variable: 'SHARD_IDS', message: expect.stringMatching(/^needs a fixed SHARD_COUNT \(a number\)/) },
    ]);
  });

  it('reports both variables in one message', () => {
    const error = (() => {
      try {
        parseConfig({ SHARD_COUNT: 'many', SHARD_IDS: '1-' });
      } catch (caught) {
        return caught as ConfigError;
      }
      throw new Error('expected a ConfigError');
    })();
    expect(error.message).toMatch(/SHARD_COUNT: must be auto/);
    expect(error.message).toMatch(/SHARD_IDS: '1-' is not a shard id/);
  });
});
