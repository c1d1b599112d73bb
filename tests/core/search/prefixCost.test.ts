import { describe, expect, it } from 'vitest';
import { prefixCost } from '../../../src/core/search/prefixCost.ts';

describe('prefixCost', () => {
  const df = new Map([
    ['comma', 3],
    ['command', 900],
    ['commands', 40],
    ['comment', 7],
    ['commo', 1],
    ['zebra', 2],
  ]);

  it('sums the passage frequencies of the longer terms a prefix completes to', () => {
    expect(prefixCost(df, 'comma')).toBe(900 + 40);
    expect(prefixCost(df, 'comm')).toBe(3 + 900 + 40 + 7 + 1);
    expect(prefixCost(df, 'command')).toBe(40);
  });

  it('costs nothing when no longer term starts with the prefix', () => {
    expect(prefixCost(df, 'commands')).toBe(0);
    expect(prefixCost(df, 'zebra')).toBe(0);
    expect(prefixCost(df, 'yak')).toBe(0);
    expect(prefixCost(new Map(), 'any')).toBe(0);
  });
});
