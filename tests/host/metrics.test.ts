import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../src/core/types.ts';
import { answerTier, createMetrics } from '../../src/host/metrics.ts';

const citation: Citation = {
  n: 1,
  source: 'a.md',
  title: 'A',
  snippet: { text: 'A passage.', marks: [] },
  score: 1,
};

function answer(fields: Partial<Answer>): Answer {
  return { question: 'q', answered: false, citations: [], related: [], hasMore: false, ...fields } as Answer;
}

describe('answerTier', () => {
  it("names composeAnswer's three outcomes: confident, best match, nothing", () => {
    expect(answerTier(answer({ answered: true, citations: [citation] }))).toBe('confident');
    expect(answerTier(answer({ reason: 'low-confidence', citations: [citation] }))).toBe('best_match');
    expect(answerTier(answer({ reason: 'no-match' }))).toBe('nothing');
  });
});

describe('createMetrics', () => {
  it('reads the index gauges at each scrape, and keeps registries of two bots apart', async () => {
    let fromCache = false;
    const a = createMetrics({ index: async () => ({ passages: 12, fromCache }) });
    const b = createMetrics();
    a.answers.inc({ tier: 'confident' });
    expect(await a.registry.metrics()).toContain('citebot_index_from_cache 0');
    fromCache = true;
    const page = await a.registry.metrics();
    expect(page).toContain('citebot_index_from_cache 1');
    expect(page).toContain('citebot_index_passages 12');
    expect(page).toContain('citebot_answers_total{tier="confident"} 1');
    expect(await b.registry.metrics()).not.toContain('citebot_answers_total{tier="confident"} 1');
  });
});
