import { expect } from 'vitest';
import type { Answer, Mark, SearchPage, Snippet, Suggestion } from '../../src/core/types.ts';

/** Asserts that marks lie inside the text, are non-empty, sorted and do not overlap. */
export function expectValidMarks(snippet: Snippet): void {
  let last = 0;
  for (const m of snippet.marks) {
    expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(snippet.text.length);
    last = m.end;
  }
}

/** The marked words of a snippet. */
export const markedWords = (snippet: Snippet): string[] =>
  snippet.marks.map((m: Mark) => snippet.text.slice(m.start, m.end));

/** Asserts everything the `Answer` contract promises, whatever the question. */
export function expectValidAnswer(answer: Answer, question: string, offset = 0, limit = 3): void {
  expect(answer.question).toBe(question);
  expect(answer.citations.length).toBeLessThanOrEqual(limit);
  expect(answer.related.length).toBeLessThanOrEqual(3);
  expect(typeof answer.hasMore).toBe('boolean');
  if (answer.answered) {
    expect(answer).not.toHaveProperty('reason');
    expect(answer.related).toEqual([]);
  } else {
    expect(['empty-question', 'no-match', 'low-confidence']).toContain(answer.reason);
    // The best-match tier quotes the closest passage (one citation, first page only); the others none.
    expect(answer.citations.length).toBeLessThanOrEqual(
      answer.reason === 'low-confidence' && offset === 0 ? 1 : 0,
    );
    expect(answer.hasMore).toBe(false);
  }
  answer.citations.forEach((c, i) => {
    expect(c.n).toBe(offset + i + 1);
    expect(c.source).not.toBe('');
    expect(c.title).not.toBe('');
    expect(c.snippet.text.length).toBeLessThanOrEqual(300);
    expect(Number.isFinite(c.score)).toBe(true);
    expectValidMarks(c.snippet);
  });
}

/** Asserts the `SearchPage` contract. */
export function expectValidSearchPage(page: SearchPage, query: string, offset = 0, limit = 5): void {
  expect(page.query).toBe(query);
  expect(page.offset).toBe(offset);
  expect(page.hits.length).toBeLessThanOrEqual(limit);
  expect(page.total).toBeGreaterThanOrEqual(page.hits.length);
  expect(new Set(page.hits.map((h) => h.source)).size).toBe(page.hits.length);
  page.hits.forEach((h, i) => {
    expect(h.rank).toBe(offset + i + 1);
    expect(h.snippet.text.length).toBeLessThanOrEqual(300);
    expectValidMarks(h.snippet);
  });
}

/** Asserts Discord's autocomplete limits: at most 25 choices, names and values of 1–100 characters. */
export function expectValidSuggestions(suggestions: readonly Suggestion[], limit = 25): void {
  expect(suggestions.length).toBeLessThanOrEqual(Math.min(25, limit));
  expect(new Set(suggestions.map((s) => s.value)).size).toBe(suggestions.length);
  for (const s of suggestions) {
    expect(s.name.length).toBeGreaterThanOrEqual(1);
    expect(s.value.length).toBeGreaterThanOrEqual(1);
  }
}

/** Autocomplete choices as Discord takes them: valid suggestions of 1–100 characters each. */
export function expectValidChoices(choices: readonly Suggestion[], limit = 25): void {
  expectValidSuggestions(choices, limit);
  for (const s of choices) {
    expect(s.name.length).toBeLessThanOrEqual(100);
    expect(s.value.length).toBeLessThanOrEqual(100);
  }
}
