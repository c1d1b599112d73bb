import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from '../../src/core/knowledgeBase.ts';
import { DefaultSearchSettings } from '../../src/core/search/settings.ts';
import { knowledgeFrom } from '../support/knowledge.ts';

const english = 'The research center has set a goal of training around 500,000 blockchain professionals.';
const german = 'Mehr als 100 bekannte Unternehmen haben sich der Allianz angeschlossen, darunter Huawei.';

describe('buildKnowledgeBase', () => {
  it('holds the articles in file order, dense passage ids and the article count per language', () => {
    const kb = knowledgeFrom({ 'en.txt': `Center\n\n${english}`, 'de.txt': `Allianz\n\n${german}` });
    expect([...kb.articles.keys()]).toEqual(['en.txt', 'de.txt']);
    expect(kb.passages.map((p) => p.id)).toEqual(kb.passages.map((_, i) => i));
    expect(Object.fromEntries(kb.languages)).toEqual({ en: 1, de: 1 });
    const indexed = [...kb.index.languages.values()].reduce((n, l) => n + l.search.documentCount, 0);
    expect(indexed).toBe(kb.passages.length);
    expect(kb.articles.get('en.txt')).not.toHaveProperty('blocks');
  });

  it('parses the synonyms file when there is one', () => {
    expect(knowledgeFrom({ 'a.txt': english }, { synonyms: 'alliance, Allianz' }).synonyms.groups).toBe(1);
    expect(knowledgeFrom({ 'a.txt': english }).synonyms.groups).toBe(0);
  });

  it('fails with `knowledge: no usable articles` naming every skipped file and its reason', () => {
    const files = {
      files: [
        { id: 'empty.md', bytes: new Uint8Array() },
        { id: 'binary.txt', bytes: new Uint8Array([0, 1, 2]) },
      ],
      skipped: [{ file: 'huge.txt', reason: 'too large (50.0 MB, limit 10.0 MB)' }],
      hash: 'h',
    };
    expect(() => buildKnowledgeBase(files, DefaultSearchSettings)).toThrow(
      'knowledge: no usable articles; skipped: huge.txt (too large (50.0 MB, limit 10.0 MB)), empty.md (empty file), binary.txt (binary file)',
    );
  });

  it('fails with `knowledge: no usable articles` for an empty folder', () => {
    expect(() => buildKnowledgeBase({ files: [], skipped: [], hash: 'h' }, DefaultSearchSettings)).toThrow(
      /^knowledge: no usable articles$/,
    );
  });
});
