import { questionKey, type UnansweredRecord, type VoteRecord } from '../../store/index.ts';

/** One unanswered question, grouped over wordings that differ in case, punctuation or word order. */
export interface GapQuestion {
  /** The most frequent wording (the first seen on a tie). */
  readonly question: string;
  readonly count: number;
}

/** An answer people voted 👎 on, with the article it cited first. */
export interface DownvotedAnswer {
  readonly question: string;
  readonly article: string | null;
  readonly down: number;
  readonly up: number;
}

/** What `/kb gaps` reports. */
export interface KnowledgeGaps {
  readonly unanswered: readonly GapQuestion[];
  readonly downvoted: readonly DownvotedAnswer[];
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [item]);
    else group.push(item);
  }
  return groups;
}

function mostCommon(wordings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const wording of wordings) counts.set(wording, (counts.get(wording) ?? 0) + 1);
  return [...counts].reduce((best, next) => (next[1] > best[1] ? next : best))[0];
}

/**
 * The most frequent unanswered questions (grouped by {@link questionKey}) and the answers with
 * the most 👎 (grouped by question and first cited article), most first.
 */
export function knowledgeGaps(
  unanswered: readonly UnansweredRecord[],
  votes: readonly VoteRecord[],
): KnowledgeGaps {
  const questions = [...groupBy(unanswered, (record) => questionKey(record.question)).values()]
    .map((group) => ({ question: mostCommon(group.map((record) => record.question)), count: group.length }))
    .sort((a, b) => b.count - a.count);
  const answers = [
    ...groupBy(votes, (vote) => `${questionKey(vote.question)}\0${vote.sources[0] ?? ''}`).values(),
  ]
    .map((group) => ({
      question: mostCommon(group.map((vote) => vote.question)),
      article: group[0]?.sources[0] ?? null,
      down: group.filter((vote) => vote.vote === 'down').length,
      up: group.filter((vote) => vote.vote === 'up').length,
    }))
    .filter((answer) => answer.down > 0)
    .sort((a, b) => b.down - a.down || a.up - b.up);
  return { unanswered: questions, downvoted: answers };
}

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Everything of {@link KnowledgeGaps} as CSV: `kind,question,count,down,up,article`. */
export function gapsCsv(gaps: KnowledgeGaps): string {
  const rows: (string | number | null)[][] = [
    ['kind', 'question', 'count', 'down', 'up', 'article'],
    ...gaps.unanswered.map((gap) => ['unanswered', gap.question, gap.count, null, null, null]),
    ...gaps.downvoted.map((answer) => [
      'downvoted',
      answer.question,
      answer.down + answer.up,
      answer.down,
      answer.up,
      answer.article,
    ]),
  ];
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
