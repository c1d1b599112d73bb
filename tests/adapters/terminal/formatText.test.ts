import { describe, expect, it } from 'vitest';
import { formatAnswer } from '../../../src/adapters/terminal/formatText.ts';
import type { Answer } from '../../../src/core/types.ts';

const base: Answer = {
  question: 'who backed it?',
  answered: false,
  reason: 'low-confidence',
  citations: [
    {
      n: 1,
      source: 'center.txt',
      title: 'Center',
      heading: 'Backers',
      snippet: { text: 'China Unicom backed it.', marks: [{ start: 13, end: 19 }] },
      score: 1,
    },
  ],
  related: [{ source: 'other.txt', title: 'Other' }],
  hasMore: false,
  articlesSearched: 2,
};

describe('formatAnswer', () => {
  it('prints a best match under a hedge with its source and the other closest articles', () => {
    expect(formatAnswer(base, { color: false })).toBe(
      [
        "I'm not sure this answers it — the closest passage:",
        '[1] China Unicom backed it.',
        '',
        'Source:',
        '  [1] Center › Backers — center.txt',
        '',
        'Closest articles:',
        '  - Other (other.txt)',
      ].join('\n'),
    );
  });

  it('says there is no answer when nothing matched, listing the closest articles if any', () => {
    const text = formatAnswer({ ...base, reason: 'no-match', citations: [] }, { color: false });
    expect(text).toBe(
      "I couldn't find an answer to that in the articles.\nClosest articles:\n  - Other (other.txt)",
    );
  });
});
