import { describe, expect, it } from 'vitest';
import { analyzerFor } from '../../../src/core/analysis/analyzer.ts';
import { proximityPairs } from '../../../src/core/search/proximity.ts';

const terms = (text: string) => new Set(analyzerFor('en').terms(text));
/** A passage's analysed terms, as the search hands them over. */
const passage = (text: string): string[] => analyzerFor('en').terms(text);

describe('proximityPairs', () => {
  it('counts pairs of different matched terms standing within the window', () => {
    const text = 'Python uses garbage collection to free memory.';
    expect(proximityPairs(passage(text), terms('garbage collection'), 3)).toBe(1);
    expect(proximityPairs(passage(text), terms('garbage collection memory'), 3)).toBe(3);
  });

  it('does not count terms further apart than the window', () => {
    const text = 'Garbage is everywhere in this long sentence about many things before collection.';
    expect(proximityPairs(passage(text), terms('garbage collection'), 3)).toBe(0);
  });

  it('counts nothing for fewer than two matched terms', () => {
    expect(proximityPairs(passage('garbage garbage garbage'), terms('garbage'), 3)).toBe(0);
  });
});
