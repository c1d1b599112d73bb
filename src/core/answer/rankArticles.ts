import type { PassageHit } from '../search/searchPassages.ts';

/** An article's standing for one question: its best passage and combined score. */
export interface RankedArticle {
  readonly articleId: string;
  readonly best: PassageHit;
  readonly score: number;
}

/**
 * Groups passage hits by article. An article scores its best passage plus a share of its second
 * best, so an article that answers in several places edges out one lucky paragraph.
 */
export function rankArticles(hits: readonly PassageHit[], secondWeight: number): RankedArticle[] {
  const groups = new Map<string, PassageHit[]>();
  for (const hit of hits) {
    const list = groups.get(hit.passage.articleId);
    if (list) list.push(hit);
    else groups.set(hit.passage.articleId, [hit]);
  }
  const ranked: RankedArticle[] = [];
  for (const [articleId, list] of groups) {
    const [best, second] = list; // hits arrive best first
    if (!best) continue;
    ranked.push({ articleId, best, score: best.score + secondWeight * (second?.score ?? 0) });
  }
  return ranked.sort((a, b) => b.score - a.score);
}
