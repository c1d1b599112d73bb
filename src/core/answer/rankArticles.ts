import type { PassageHit, PassageSearch } from '../search/searchPassages.ts';

/** An article's standing for one question: its best passage and combined score. */
export interface RankedArticle {
  readonly articleId: string;
  readonly best: PassageHit;
  /** The fused score, 0–1 (see {@link rankArticles}). */
  readonly score: number;
  /** Its article-level BM25 score (0 when it matched at passage level only). */
  readonly articleScore: number;
}

/** How passage and article scores are combined. */
export interface RankOptions {
  /** An article's passage score is its best passage plus this share of its second best. */
  readonly secondPassageWeight: number;
  /** Weight of the article-level score in the fused score; the passage score gets the rest. */
  readonly articleWeight: number;
  /** Share of the article-level weight given to the article's character n-gram score. */
  readonly gramWeight: number;
}

/**
 * Ranks the articles that matched. Each has two scores: article level (all its passages of the
 * question's language as one document: an article about the question's subject uses its words
 * throughout) and passage level (its best passage plus a share of its second best: where it
 * answers). Both are min-max normalised over the candidates and mixed linearly; a share of the
 * article weight goes to the article's character n-gram score (pieces of the question's words it
 * uses: German compounds and derived forms), normalised alike.
 */
export function rankArticles(
  found: Pick<PassageSearch, 'hits' | 'articles' | 'grams' | 'reserve'>,
  options: RankOptions,
): RankedArticle[] {
  const groups = new Map<string, PassageHit[]>();
  for (const hit of found.hits) {
    const list = groups.get(hit.passage.articleId);
    if (list) list.push(hit);
    else groups.set(hit.passage.articleId, [hit]);
  }
  const passageScore = new Map<string, number>();
  for (const [articleId, [best, second]] of groups) {
    if (best) passageScore.set(articleId, best.score + options.secondPassageWeight * (second?.score ?? 0));
  }
  const ids = new Set([
    ...groups.keys(),
    ...[...found.articles.keys()].filter((id) => found.reserve.has(id)),
  ]);
  const normPassage = normaliser([...passageScore.values()]);
  const normArticle = normaliser([...found.articles.values()].map((a) => a.score));
  const normGrams = normaliser([...found.grams.values()]);
  // Without n-gram scores (none indexed, or nothing to cut), words keep the whole article weight.
  const gramShare = found.grams.size > 0 ? options.gramWeight : 0;
  const wordWeight = options.articleWeight * (1 - gramShare);
  const gramWeight = options.articleWeight * gramShare;
  const ranked: RankedArticle[] = [];
  for (const articleId of ids) {
    const best = groups.get(articleId)?.[0] ?? found.reserve.get(articleId);
    if (!best) continue;
    const articleScore = found.articles.get(articleId)?.score ?? 0;
    const score =
      wordWeight * normArticle(articleScore) +
      gramWeight * normGrams(found.grams.get(articleId) ?? 0) +
      (1 - options.articleWeight) * normPassage(passageScore.get(articleId) ?? 0);
    ranked.push({ articleId, best, score, articleScore });
  }
  return ranked.sort((a, b) => b.score - a.score || b.articleScore - a.articleScore);
}

/** Min-max normalisation onto 0–1 (a single candidate, or equal scores, map to 1; absent to 0). */
function normaliser(scores: readonly number[]): (x: number) => number {
  if (scores.length === 0) return () => 0;
  const max = Math.max(...scores);
  const min = Math.min(...scores);
  if (max <= min) return (x) => (x > 0 ? 1 : 0);
  return (x) => (x <= 0 ? 0 : Math.max(0, (x - min) / (max - min)));
}
