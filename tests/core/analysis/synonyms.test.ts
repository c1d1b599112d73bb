import { describe, expect, it } from 'vitest';
import { noSynonyms, parseSynonyms } from '../../../src/core/analysis/synonyms.ts';

describe('parseSynonyms', () => {
  const synonyms = parseSynonyms(
    '# comment, with, commas\nalliance, Allianz, Bündnis\n\n  join , joined \nsolo\n a , A \nbig data, Massendaten\r\n',
  );

  it('counts the groups of two or more distinct terms, ignoring comments and blank lines', () => {
    expect(synonyms.groups).toBe(3);
  });

  it('gives the other members of a word’s group, folded, whatever the case and diacritics asked', () => {
    expect(synonyms.of('Alliance')).toEqual(['allianz', 'bundnis']);
    expect(synonyms.of('bundnis')).toEqual(['alliance', 'allianz']);
    expect(synonyms.of('JOIN')).toEqual(['joined']);
  });

  it('keeps multi-word terms', () => {
    expect(synonyms.of('Big Data')).toEqual(['massendaten']);
  });

  it('gives nothing for a word in no group, a one-term line or a comment', () => {
    expect(synonyms.of('solo')).toEqual([]);
    expect(synonyms.of('a')).toEqual([]);
    expect(synonyms.of('comment')).toEqual([]);
  });

  it('merges the groups a word belongs to', () => {
    expect(parseSynonyms('car, auto\ncar, vehicle').of('car')).toEqual(['auto', 'vehicle']);
  });
});

describe('noSynonyms', () => {
  it('has no groups and no synonyms', () => {
    expect(noSynonyms.groups).toBe(0);
    expect(noSynonyms.of('alliance')).toEqual([]);
  });
});
