import { describe, expect, it } from 'vitest';
import { Engine } from '../../../src/core/engine.ts';
import {
  restoreKnowledge,
  type SerialisedKnowledge,
  serialiseKnowledge,
} from '../../../src/core/search/serialiseKnowledge.ts';
import { knowledgeFrom } from '../../support/knowledge.ts';

const articles = {
  'de/allianz.txt': 'Allianz\n\nMehr als 100 Unternehmen haben sich der Allianz angeschlossen.',
  'en/center.md': '# Center\n\nThe center will train around 500,000 blockchain professionals.',
};

function roundTrip(value: SerialisedKnowledge): SerialisedKnowledge {
  return JSON.parse(JSON.stringify(value)) as SerialisedKnowledge;
}

const info = { builtAt: 0, buildMs: 0, fromCache: true };
const files = { synonyms: 'alliance, Allianz', hash: 'in-memory' };

describe('serialiseKnowledge and restoreKnowledge', () => {
  it('give back a knowledge base that answers exactly as the original, through JSON and without files', () => {
    const kb = knowledgeFrom(articles, { synonyms: files.synonyms });
    const restored = restoreKnowledge(roundTrip(serialiseKnowledge(kb, 'k1')), 'k1', files);
    expect(restored).toBeDefined();
    if (!restored) return;
    expect([...restored.articles.values()]).toEqual([...kb.articles.values()]);
    expect(restored.passages).toEqual(kb.passages);
    const question = 'Which companies joined the alliance?';
    const engine = new Engine(restored, info);
    // Restored language indexes are decoded on demand; decode them all before comparing.
    while (engine.warmUp());
    expect(engine.ask(question)).toEqual(new Engine(kb, info).ask(question));
  });

  it('refuses a value made under another key or format', () => {
    const kb = knowledgeFrom(articles);
    const value = roundTrip(serialiseKnowledge(kb, 'k1'));
    expect(restoreKnowledge(value, 'k2', files)).toBeUndefined();
    expect(restoreKnowledge({ ...value, format: value.format + 1 }, 'k1', files)).toBeUndefined();
  });

  it('throws naming the inconsistency of a corrupt value', () => {
    const kb = knowledgeFrom(articles);
    const value = roundTrip(serialiseKnowledge(kb, 'k1'));
    expect(() => restoreKnowledge({ ...value, passages: value.passages.slice(1) }, 'k1', files)).toThrow(
      'index and passages disagree',
    );
  });
});
