import type { Answer } from '../types.ts';
import type { EvalQuestion } from './evaluate.ts';

/** How `ask` does over a set of questions: how often it is confident, and how often it is right. */
export interface AnswerScores {
  readonly questions: number;
  /** Share of questions answered confidently (`answered: true`). */
  readonly confident: number;
  /** Among confident answers, the share whose first citation is the gold article. */
  readonly precision: number;
  /** Share of all questions answered confidently with the gold article cited first. */
  readonly rightOverall: number;
  /** Share of all questions whose first citation (confident or best match) is the gold article. */
  readonly firstCitationRight: number;
}

/** Answer scores overall and per language (when questions carry `lang`). */
export interface AnswerReport {
  readonly overall: AnswerScores;
  readonly byLanguage: Readonly<Record<string, AnswerScores>>;
}

interface Row {
  readonly lang: string | undefined;
  readonly confident: boolean;
  readonly right: boolean;
}

/** Runs every question through `ask` and scores the confident share and the first citation. */
export async function evaluateAnswers(
  questions: readonly EvalQuestion[],
  ask: (q: string) => Promise<Answer> | Answer,
): Promise<AnswerReport> {
  const rows: Row[] = [];
  for (const q of questions) {
    const answer = await ask(q.q);
    rows.push({ lang: q.lang, confident: answer.answered, right: answer.citations[0]?.source === q.gold });
  }
  const byLanguage: Record<string, AnswerScores> = {};
  for (const lang of new Set(rows.map((r) => r.lang).filter((l): l is string => !!l))) {
    byLanguage[lang] = score(rows.filter((r) => r.lang === lang));
  }
  return { overall: score(rows), byLanguage };
}

function score(rows: readonly Row[]): AnswerScores {
  const n = rows.length || 1;
  const confident = rows.filter((r) => r.confident);
  const confidentRight = confident.filter((r) => r.right).length;
  return {
    questions: rows.length,
    confident: round(confident.length / n),
    precision: round(confidentRight / (confident.length || 1)),
    rightOverall: round(confidentRight / n),
    firstCitationRight: round(rows.filter((r) => r.right).length / n),
  };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
