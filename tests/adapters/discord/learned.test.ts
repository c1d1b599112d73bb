import { describe, expect, it } from 'vitest';
import { decodeLearnedButton, learnedIds } from '../../../src/adapters/discord/learned.ts';
import { LEARNED_PER_PAGE, learnedPage } from '../../../src/adapters/discord/render/learned.ts';

describe('the pages of /kb learned', () => {
  it('shows up to 5 candidates on one page, more 4 per page within the 5 rows Discord allows', () => {
    expect(LEARNED_PER_PAGE).toBe(4);
    expect(learnedPage(0, 0)).toEqual({ start: 0, size: 0, page: 1, pages: 1 });
    expect(learnedPage(5, 8)).toEqual({ start: 0, size: 5, page: 1, pages: 1 });
    expect(learnedPage(9, 4)).toEqual({ start: 4, size: 4, page: 2, pages: 3 });
    expect(learnedPage(9, 8)).toEqual({ start: 8, size: 1, page: 3, pages: 3 });
  });

  it('clamps an offset past the end (candidates decided meanwhile) or before the start', () => {
    expect(learnedPage(8, 8)).toEqual({ start: 4, size: 4, page: 2, pages: 2 });
    expect(learnedPage(9, -4)).toEqual({ start: 0, size: 4, page: 1, pages: 3 });
  });
});

describe('the buttons of /kb learned', () => {
  it('read back what they were made for', () => {
    expect(decodeLearnedButton(learnedIds.decide(12, true, 8))).toEqual({
      kind: 'decide',
      id: 12,
      approve: true,
      offset: 8,
    });
    expect(decodeLearnedButton(learnedIds.decide(3, false, 0))).toMatchObject({ approve: false, offset: 0 });
    expect(decodeLearnedButton(learnedIds.turn(4, 'next'))).toEqual({ kind: 'turn', offset: 4 });
    expect(learnedIds.turn(-4, 'previous')).not.toBe(learnedIds.turn(-4, 'next'));
  });

  it('read a button made before paging as page 1, and nothing else as theirs', () => {
    expect(decodeLearnedButton('kl1|a|7')).toEqual({ kind: 'decide', id: 7, approve: true, offset: 0 });
    for (const other of ['c1|up|0|1|123456789012345678|0|q', 'kl1|x|1', 'kl1|a|', 'ka1|p|a.md'])
      expect(decodeLearnedButton(other)).toBeUndefined();
  });
});
