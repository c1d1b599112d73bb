import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseQuestions } from '../../../src/core/eval/evaluate.ts';
import { evaluateAnswers } from '../../../src/core/eval/evaluateAnswers.ts';
import type { SearchPage } from '../../../src/core/types.ts';
import { loadEngine } from '../../../src/host/loadEngine.ts';
import { devSet } from '../../support/paths.ts';

/** A search that returns the given article ids in order. */
const pageOf = (query: string, sources: readonly string[]): SearchPage => ({
  query,
  hits: sources.map((source, i) => ({
    rank: i + 1,
    source,
    title: source,
    snippet: { text: '', marks: [] },
    score: 1,
  })),
  total: sources.length,
  offset: 0,
  articlesSearched: 10,
});

describe('parseQuestions', () => {
  it('reads one question per line, skipping blank lines', () => {
    expect(
      parseQuestions('{"q": "Why?", "gold": "a.md"}\n\n{"q": "Warum?", "gold": "b.md", "lang": "de"}\r\n'),
    ).toEqual([
      { q: 'Why?', gold: 'a.md' },
      { q: 'Warum?', gold: 'b.md', lang: 'de' },
    ]);
  });

  it('names the first line that is not JSON or lacks a field', () => {
    expect(() => parseQuestions('{"q": "a", "gold": "b"}\n{oops')).toThrow('eval: line 2: not JSON');
    expect(() => parseQuestions('{"q": "a"}')).toThrow(
      'eval: line 1: expected {"q": string, "gold": string}',
    );
  });
});

describe('evaluate', () => {
  it('scores hit@1, hit@3 and MRR@10, overall and per language, and lists the misses', async () => {
    const ranking: Record<string, string[]> = {
      q1: ['gold1', 'x'],
      q2: ['x', 'y', 'gold2'],
      q3: ['x'],
      q4: [...Array.from({ length: 10 }, (_, i) => `x${i}`), 'gold4'],
    };
    const report = await evaluate(
      [
        { q: 'q1', gold: 'gold1', lang: 'en' },
        { q: 'q2', gold: 'gold2', lang: 'en' },
        { q: 'q3', gold: 'gold3', lang: 'de' },
        { q: 'q4', gold: 'gold4' },
      ],
      (q) => pageOf(q, ranking[q] ?? []),
    );
    expect(report.overall).toEqual({
      questions: 4,
      hitAt1: 0.25,
      hitAt3: 0.5,
      mrrAt10: Math.round(((1 + 1 / 3) / 4) * 1000) / 1000,
    });
    expect(report.byLanguage).toEqual({
      en: { questions: 2, hitAt1: 0.5, hitAt3: 1, mrrAt10: Math.round(((1 + 1 / 3) / 2) * 1000) / 1000 },
      de: { questions: 1, hitAt1: 0, hitAt3: 0, mrrAt10: 0 },
    });
    expect(report.misses).toEqual([
      { q: 'q2', gold: 'gold2', got: 'x', rank: 3 },
      { q: 'q3', gold: 'gold3', got: 'x' },
      { q: 'q4', gold: 'gold4', got: 'x0', rank: 11 },
    ]);
  });
});

describe('the python-faq dev set', () => {
  it('stays above the retrieval floors reached today', async () => {
    // CI checks the dev set out beside the repository: its absence is a failure, not a skip.
    const questionsFile = path.join(devSet, 'questions.jsonl');
    expect(existsSync(questionsFile), `dev set missing: ${questionsFile}`).toBe(true);
    const questions = parseQuestions(readFileSync(questionsFile, 'utf8'));
    expect(questions).toHaveLength(171);

    const engine = await loadEngine({ knowledgeDir: path.join(devSet, 'knowledge') });
    expect(engine.stats().skipped).toEqual([]);
    const report = await evaluate(questions, (q) => engine.search(q, { limit: 10 }));

    // Measured on 2026-12-02 (branch quality, default settings) with this very call, which is what
    //   npm run --silent eval -- --knowledge ../shared/eval/python-faq/knowledge \
    //     --questions ../shared/eval/python-faq/questions.jsonl
    // runs: hit@1 0.643, hit@3 0.807, MRR@10 0.731; ask (the fused-lead rule of branch
    // confidence): confident 0.678, precision of the first citation among them 0.767; with minLead
    // 0.22 (evening) confident 0.673 at 0.774. The floors sit two or three questions (of 171) below.
    expect(report.overall.hitAt1).toBeGreaterThanOrEqual(0.625);
    expect(report.overall.hitAt3).toBeGreaterThanOrEqual(0.79);
    expect(report.overall.mrrAt10).toBeGreaterThanOrEqual(0.715);
    const answers = await evaluateAnswers(questions, (q) => engine.ask(q));
    expect(answers.overall.confident).toBeGreaterThanOrEqual(0.66);
    expect(answers.overall.precision).toBeGreaterThanOrEqual(0.755);
  });
});
