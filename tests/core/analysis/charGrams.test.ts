import { describe, expect, it } from 'vitest';
import { charGrams } from '../../../src/core/analysis/charGrams.ts';

describe('charGrams', () => {
  it('cuts each term into overlapping pieces of n characters, so a compound shares its parts’ pieces', () => {
    expect(charGrams(['braillezeil'], 4)).toEqual([
      'brai',
      'rail',
      'aill',
      'ille',
      'llez',
      'leze',
      'ezei',
      'zeil',
    ]);
    const compound = new Set(charGrams(['brailleschrift'], 4));
    expect(charGrams(['braill', 'schrift'], 4).every((g) => compound.has(g))).toBe(true);
  });

  it('keeps a term of n characters or fewer whole and skips empty ones', () => {
    expect(charGrams(['usb', '', 'dvd', 'orca'], 4)).toEqual(['usb', 'dvd', 'orca']);
  });
});
