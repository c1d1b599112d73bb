import type { KnowledgeBase } from '../knowledgeBase.ts';
import type { Suggestion } from '../types.ts';

/** Longest heading or title offered as an example: longer ones read as sentences, not questions. */
const MAX_EXAMPLE_CHARS = 80;
/** Candidates tried at most (each costs one answer). */
const MAX_CANDIDATES = 15;

/**
 * Example questions the knowledge really answers, for `/help` and an empty autocomplete: article
 * titles and section headings (whole, never cut), taken one article at a time, each kept only if
 * asking it gives a confident answer citing its own article first.
 *
 * @param answers whether a question is answered confidently with `source` cited first
 */
export function exampleQuestions(
  kb: KnowledgeBase,
  answers: (question: string, source: string) => boolean,
  limit: number,
): Suggestion[] {
  const perArticle = new Map<string, string[]>();
  for (const a of kb.articles.values()) perArticle.set(a.id, [a.title]);
  for (const p of kb.passages) {
    const list = perArticle.get(p.articleId);
    for (const h of p.headings) if (list && !list.includes(h)) list.push(h);
  }
  // A title or heading many articles share ("Overview", a site name) names no one answer.
  const seen = new Map<string, number>();
  for (const texts of perArticle.values()) for (const t of texts) seen.set(t, (seen.get(t) ?? 0) + 1);
  const lists = [...perArticle].map(([id, texts]) => ({
    id,
    texts: texts
      .filter((t) => seen.get(t) === 1)
      .map((t) => t.replace(/\s+/g, ' ').trim())
      .filter((t) => t.length >= 8 && t.length <= MAX_EXAMPLE_CHARS),
  }));
  const out: Suggestion[] = [];
  let tried = 0;
  // Round-robin over articles, so the examples show the breadth of the knowledge.
  for (let round = 0; out.length < limit && tried < MAX_CANDIDATES; round++) {
    let any = false;
    for (const { id, texts } of lists) {
      const text = texts[round];
      if (text === undefined) continue;
      any = true;
      if (out.length >= limit || tried >= MAX_CANDIDATES) break;
      tried++;
      if (!out.some((s) => s.value === text) && answers(text, id)) out.push({ name: text, value: text });
    }
    if (!any) break;
  }
  return out;
}
