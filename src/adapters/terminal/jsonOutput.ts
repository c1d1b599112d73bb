import type { Answer, SearchPage } from '../../core/types.ts';

/** The `--json` shape of an answer: one object per question, snippets as plain text. */
export function answerJson(answer: Answer, tookMs: number) {
  return {
    question: answer.question,
    answered: answer.answered,
    citations: answer.citations.map((c) => ({
      n: c.n,
      source: c.source,
      title: c.title,
      url: c.url ?? null,
      heading: c.heading ?? null,
      snippet: c.snippet.text,
      score: c.score,
    })),
    related: answer.related.map((r) => ({ source: r.source, title: r.title })),
    tookMs: round(tookMs),
  };
}

/** The `--json` shape of a search: one row per article, best first. */
export function searchJson(page: SearchPage, tookMs: number) {
  return {
    query: page.query,
    results: page.hits.map((h) => ({
      rank: h.rank,
      source: h.source,
      title: h.title,
      heading: h.heading ?? null,
      snippet: h.snippet.text,
      score: h.score,
    })),
    tookMs: round(tookMs),
  };
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
