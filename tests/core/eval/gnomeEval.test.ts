import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, parseQuestions } from '../../../src/core/eval/evaluate.ts';
import { evaluateAnswers } from '../../../src/core/eval/evaluateAnswers.ts';
import { loadEngine } from '../../../src/host/loadEngine.ts';
import { gnomeDevSet } from '../../support/paths.ts';

const questionsFile = path.join(gnomeDevSet, 'questions.jsonl');
const built = existsSync(questionsFile);
// CI builds the set (`.ci/run`): there its absence is a failure. Elsewhere it is built on demand:
//   python3 ../shared/eval/build-gnome-help.py .cache/eval/gnome-en-de en de
const ci = process.env.CI === 'true';

describe('the GNOME Help en+de dev set', () => {
  it.runIf(ci && !built)('is built by .ci/run', () => {
    expect(built, `dev set missing: ${questionsFile}`).toBe(true);
  });

  it.runIf(built)(
    'stays above the retrieval and confidence floors reached today',
    { timeout: 120_000 },
    async () => {
      const questions = parseQuestions(readFileSync(questionsFile, 'utf8'));
      expect(questions).toHaveLength(986);
      const engine = await loadEngine({ knowledgeDir: path.join(gnomeDevSet, 'knowledge') });
      const report = await evaluate(questions, (q) => engine.search(q, { limit: 10 }));
      const answers = await evaluateAnswers(questions, (q) => engine.ask(q));

      // Measured on 2026-12-02 (evening, German word forms, minLead 0.22) with this very call, which is
      //   npm run --silent eval -- --knowledge .cache/eval/gnome-en-de/knowledge \
      //     --questions .cache/eval/gnome-en-de/questions.jsonl
      // hit@1 0.768 (en 0.803, de 0.732), hit@3 0.915, MRR@10 0.841; ask: confident 0.752 at
      // precision 0.856 (en 0.793 at 0.877, de 0.710 at 0.831). Floors sit about five questions (of
      // 986, or of 493 per language) below.
      expect(report.overall.hitAt1).toBeGreaterThanOrEqual(0.763);
      expect(report.overall.hitAt3).toBeGreaterThanOrEqual(0.91);
      expect(report.overall.mrrAt10).toBeGreaterThanOrEqual(0.836);
      expect(report.byLanguage.en?.hitAt1).toBeGreaterThanOrEqual(0.793);
      expect(report.byLanguage.de?.hitAt1).toBeGreaterThanOrEqual(0.722);
      expect(answers.overall.confident).toBeGreaterThanOrEqual(0.747);
      expect(answers.overall.precision).toBeGreaterThanOrEqual(0.85);
    },
  );
});
