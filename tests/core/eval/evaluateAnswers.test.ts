import { describe, expect, it } from 'vitest';
import { evaluateAnswers } from '../../../src/core/eval/evaluateAnswers.ts';
import type { Answer } from '../../../src/core/types.ts';

/** An answer citing the given sources, confident or not. */
const answerOf = (question: string, answered: boolean, sources: readonly string[]): Answer => ({
  question,
  answered,
  citations: sources.map((source, i) => ({
    n: i + 1,
    source,
    title: source,
    snippet: { text: '', marks: [] },
    score: 1,
  })),
  related: [],
  hasMore: false,
  articlesSearched: 10,
});

describe('evaluateAnswers', () => {
  it('scores the confident share, their precision and the first citation over all questions', async () => {
    const answers: Record<string, Answer> = {
      q1: answerOf('q1', true, ['gold1']),
      q2: answerOf('q2', true, ['x', 'gold2']),
      q3: answerOf('q3', false, ['gold3']),
      q4: answerOf('q4', false, []),
    };
    const report = await evaluateAnswers(
      [
        { q: 'q1', gold: 'gold1', lang: 'en' },
        { q: 'q2', gold: 'gold2', lang: 'en' },
        { q: 'q3', gold: 'gold3', lang: 'de' },
        { q: 'q4', gold: 'gold4', lang: 'de' },
      ],
      (q) => answers[q] ?? answerOf(q, false, []),
    );
    expect(report.overall).toEqual({
      questions: 4,
      confident: 0.5,
      precision: 0.5,
      rightOverall: 0.25,
      firstCitationRight: 0.5,
    });
    expect(report.byLanguage.en).toEqual({
      questions: 2,
      confident: 1,
      precision: 0.5,
      rightOverall: 0.5,
      firstCitationRight: 0.5,
    });
    expect(report.byLanguage.de).toEqual({
      questions: 2,
      confident: 0,
      precision: 0,
      rightOverall: 0,
      firstCitationRight: 0.5,
    });
  });
});
