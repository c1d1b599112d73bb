import { z } from 'zod';
import type { SearchPage } from '../types.ts';

/** One dev-set question: `gold` is the id of the article that answers it. */
export const EvalQuestion = z.object({ q: z.string(), gold: z.string(), lang: z.string().optional() });
export type EvalQuestion = z.infer<typeof EvalQuestion>;

/** Retrieval quality over a set of questions. */
export interface EvalScores {
  readonly questions: number;
  readonly hitAt1: number;
  readonly hitAt3: number;
  readonly mrrAt10: number;
}

/** Scores overall and per language (when questions carry `lang`), plus the misses at rank 1. */
export interface EvalReport {
  readonly overall: EvalScores;
  readonly byLanguage: Readonly<Record<string, EvalScores>>;
  readonly misses: ReadonlyArray<{ q: string; gold: string; got?: string; rank?: number }>;
}

/**
 * Parses a JSONL question file (`{"q", "gold", "lang"?}` per line).
 *
 * @throws Error `eval: line N: …` naming the first bad line
 */
export function parseQuestions(text: string): EvalQuestion[] {
  const out: EvalQuestion[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`eval: line ${i + 1}: not JSON`);
    }
    const parsed = EvalQuestion.safeParse(json);
    if (!parsed.success) throw new Error(`eval: line ${i + 1}: expected {"q": string, "gold": string}`);
    out.push(parsed.data);
  });
  return out;
}

/**
 * Runs every question through `search` (top 10 articles) and scores hit@1, hit@3 and MRR@10.
 */
export async function evaluate(
  questions: readonly EvalQuestion[],
  search: (q: string) => Promise<SearchPage> | SearchPage,
): Promise<EvalReport> {
  const rows: Array<{ q: EvalQuestion; rank: number | undefined; got: string | undefined }> = [];
  for (const q of questions) {
    const page = await search(q.q);
    const index = page.hits.findIndex((h) => h.source === q.gold);
    rows.push({ q, rank: index >= 0 ? index + 1 : undefined, got: page.hits[0]?.source });
  }
  const byLanguage: Record<string, EvalScores> = {};
  for (const lang of new Set(rows.map((r) => r.q.lang).filter((l): l is string => !!l))) {
    byLanguage[lang] = score(rows.filter((r) => r.q.lang === lang).map((r) => r.rank));
  }
  return {
    overall: score(rows.map((r) => r.rank)),
    byLanguage,
    misses: rows
      .filter((r) => r.rank !== 1)
      .map((r) => ({
        q: r.q.q,
        gold: r.q.gold,
        ...(r.got ? { got: r.got } : {}),
        ...(r.rank ? { rank: r.rank } : {}),
      })),
  };
}

function score(ranks: ReadonlyArray<number | undefined>): EvalScores {
  const n = ranks.length || 1;
  const count = (k: number) => ranks.filter((r) => r !== undefined && r <= k).length / n;
  const mrr = ranks.reduce<number>((sum, r) => sum + (r !== undefined && r <= 10 ? 1 / r : 0), 0) / n;
  return { questions: ranks.length, hitAt1: round(count(1)), hitAt3: round(count(3)), mrrAt10: round(mrr) };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
