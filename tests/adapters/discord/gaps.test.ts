import { describe, expect, it } from 'vitest';
import { gapsCsv, knowledgeGaps } from '../../../src/adapters/discord/gaps.ts';
import type { UnansweredRecord, VoteRecord } from '../../../src/store/index.ts';

const base = {
  reason: 'no-match',
  sources: [],
  time: '2024-05-01T00:00:00.000Z',
  guildId: null,
  channelId: null,
  user: 'u',
};
const gap = (question: string): UnansweredRecord => ({ ...base, question });
const vote = (question: string, value: 'up' | 'down', article: string): VoteRecord => ({
  ...base,
  answerId: `${question}${value}${article}${Math.random()}`,
  vote: value,
  question,
  sources: [article, 'other.md'],
});

describe('knowledgeGaps', () => {
  it('groups unanswered questions differing only in case, punctuation or word order, most asked first', () => {
    const gaps = knowledgeGaps(
      [
        gap('How do I reset?'),
        gap('how do i RESET'),
        gap('Reset, how do I?'),
        gap('Where is the log?'),
        gap('How do I reset?'),
      ],
      [],
    );
    expect(gaps.unanswered).toEqual([
      { question: 'How do I reset?', count: 4 },
      { question: 'Where is the log?', count: 1 },
    ]);
  });

  it('lists answers by their 👎 with the first cited article, leaving out answers nobody disliked', () => {
    const gaps = knowledgeGaps(
      [],
      [
        vote('Why?', 'down', 'a.md'),
        vote('why', 'down', 'a.md'),
        vote('Why?', 'up', 'a.md'),
        vote('Fine', 'up', 'b.md'),
        vote('How?', 'down', 'c.md'),
      ],
    );
    expect(gaps.downvoted).toEqual([
      { question: 'Why?', article: 'a.md', down: 2, up: 1 },
      { question: 'How?', article: 'c.md', down: 1, up: 0 },
    ]);
  });

  it('writes CSV that quotes commas and quotes and defuses spreadsheet formulas', () => {
    const csv = gapsCsv(knowledgeGaps([gap('Say "hi", then?'), gap('=HYPERLINK("x")')], []));
    expect(csv.split('\r\n')).toEqual([
      'kind,question,count,down,up,article',
      'unanswered,"Say ""hi"", then?",1,,,',
      `unanswered,"'=HYPERLINK(""x"")",1,,,`,
      '',
    ]);
  });
});
