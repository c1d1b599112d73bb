import fc from 'fast-check';
import MiniSearch, { type Options } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { PackedSearch } from '../../../src/core/search/packedSearch.ts';

interface Doc {
  readonly id: number;
  readonly title: string;
  readonly text: string;
}

const options: Options<Doc> = {
  fields: ['title', 'text'],
  storeFields: [],
  tokenize: (text) => text.split(' '),
  processTerm: (term) => term || null,
};

// A small alphabet, so that terms share prefixes, nearly match each other and repeat.
const word = fc.stringMatching(/^[abcé]{1,6}$/);
const field = fc.array(word, { maxLength: 12 }).map((words) => words.join(' '));
const docs = fc
  .array(fc.record({ title: field, text: field }), { minLength: 1, maxLength: 25 })
  .map((list) => list.map((d, i): Doc => ({ id: i * 3 + 1, ...d })));

describe('PackedSearch', () => {
  it('searches exactly as MiniSearch after addAll, with prefix and fuzzy matching', () => {
    fc.assert(
      fc.property(docs, fc.array(word, { minLength: 1, maxLength: 4 }), (list, query) => {
        const mini = new MiniSearch<Doc>(options);
        mini.addAll(list);
        const packed = PackedSearch.unpack<Doc>(PackedSearch.packAll(list, options), options);
        const search = { prefix: true, fuzzy: 0.3, boost: { title: 2 } };
        expect(packed.search(query.join(' '), search)).toEqual(mini.search(query.join(' '), search));
        expect(packed.documentCount).toBe(mini.documentCount);
        expect(packed.termCount).toBe(mini.termCount);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses bytes that are not a packed index', () => {
    expect(() => PackedSearch.unpack(new Uint8Array([1, 2, 3]), options)).toThrow(/^index: /);
    expect(() => PackedSearch.unpack(new Uint8Array(16), options)).toThrow(/^index: /);
  });
});
