import { analyzerFor } from '../analysis/analyzer.ts';
import { questionLanguages } from '../analysis/detectLanguage.ts';
import type { KnowledgeBase } from '../knowledgeBase.ts';
import { idf } from '../search/searchPassages.ts';
import type { SearchSettings } from '../search/settings.ts';

/** A question one server approved (`/kb learned`) as another way to ask for one of the articles. */
export interface ApprovedAlias {
  readonly article: string;
  readonly question: string;
}

/**
 * How closely a question must follow an approved one for the alias to apply, as shares of
 * IDF-weighted terms: `question` of the asked question's weight must be words of the approved
 * question (its words reordered, one dropped, or its distinctive word alone), and the asked words
 * must hold `approved` of the approved question's weight (so one common word of it does not).
 * Chosen on the shipped articles, where the made-up word of the 5-term approved question in
 * tests/e2e/learned.test.ts holds 72 % of its weight and "china" 0.6 %; no larger set of approved
 * questions exists yet to measure on. Query-time only: not part of the index cache key.
 */
export const ALIAS_MATCH = { question: 0.8, approved: 0.25 } as const;

function weight(kb: KnowledgeBase, terms: Iterable<string>): number {
  let sum = 0;
  for (const term of terms) sum += idf(kb, term);
  return sum;
}

/**
 * The approved alias `question` asks for (see {@link ALIAS_MATCH}), the closest when several do,
 * the first given on a tie; undefined when none does or its article is gone. Pure: the server's
 * aliases come in as a value.
 */
export function matchAlias(
  kb: KnowledgeBase,
  question: string,
  aliases: readonly ApprovedAlias[],
  settings: Pick<SearchSettings, 'maxQuestionChars'>,
): ApprovedAlias | undefined {
  if (aliases.length === 0) return undefined;
  const text = question.slice(0, settings.maxQuestionChars);
  let best: { alias: ApprovedAlias; share: number } | undefined;
  for (const lang of questionLanguages(text, kb.languages)) {
    const analyzer = analyzerFor(lang);
    const asked = new Set(analyzer.terms(text));
    const askedWeight = weight(kb, asked);
    if (askedWeight <= 0) continue;
    for (const alias of aliases) {
      if (!kb.articles.has(alias.article)) continue;
      const approved = new Set(analyzer.terms(alias.question.slice(0, settings.maxQuestionChars)));
      const shared = [...asked].filter((term) => approved.has(term));
      const share = weight(kb, shared) / askedWeight;
      const held = weight(kb, shared) / Math.max(weight(kb, approved), Number.MIN_VALUE);
      if (share < ALIAS_MATCH.question || held < ALIAS_MATCH.approved) continue;
      if (best === undefined || share + held > best.share) best = { alias, share: share + held };
    }
  }
  return best?.alias;
}
