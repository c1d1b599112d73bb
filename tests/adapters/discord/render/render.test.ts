import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  finalize,
  renderAnswer,
  renderArticle,
  renderArticleChoices,
  renderArticleNotFound,
  renderHelp,
  renderNotice,
  renderReload,
  renderSearchPage,
  renderStats,
} from '../../../../src/adapters/discord/render/index.ts';
import { renderLearned } from '../../../../src/adapters/discord/render/learned.ts';
import type { Answer } from '../../../../src/core/types.ts';
import {
  answerArb,
  articleViewArb,
  hostileText,
  searchPageArb,
  snowflakeArb,
  statsArb,
} from './arbitraries.ts';
import { allText, expectNoMentions, expectWithinLimits } from './limits.ts';

const controls = {
  share: 'c1|sh|0|3|123456789012345678|1|q',
  more: 'c1|mo|0|3|123456789012345678|1|q',
  up: 'c1|up|0|3|123456789012345678|1|q',
  down: 'c1|dn|0|3|123456789012345678|1|q',
  delete: 'c1|rm|0|3|123456789012345678|1|q',
};

const answer: Answer = {
  question: 'When was the alliance signed?',
  answered: true,
  citations: [
    {
      n: 1,
      source: 'news/alliance.md',
      title: 'The Alliance',
      url: 'https://example.org/alliance',
      heading: 'Signing',
      snippet: { text: 'The alliance was signed in 1815 by @everyone.', marks: [{ start: 4, end: 12 }] },
      score: 3.2,
    },
    {
      n: 2,
      source: 'notes/history.txt',
      title: 'History *notes*',
      snippet: { text: 'Signed <@&123456789012345678> in Vienna.', marks: [] },
      score: 1.1,
    },
  ],
  related: [],
  hasMore: true,
  articlesSearched: 12,
};

describe('renderAnswer', () => {
  it('shows the question, bold matched terms, numbered sources and the footer', () => {
    const reply = renderAnswer(answer, { elapsedMs: 35.4, controls });
    const embed = reply.embeds[0];
    expect(embed?.title).toBe('When was the alliance signed?');
    expect(embed?.description).toContain('**[1]** The **alliance** was signed in 1815');
    expect(embed?.fields?.[0]?.value).toContain(
      '**[1]** [The Alliance — Signing](https://example.org/alliance)',
    );
    expect(embed?.fields?.[0]?.value).toContain('**[2]** History \\*notes\\* · notes/history.txt');
    expect(embed?.footer?.text).toBe('Searched 12 articles in 35 ms');
    expect(reply.components[0]?.components.map((button) => button.custom_id)).toEqual(
      Object.values(controls),
    );
    expectNoMentions(reply);
  });

  it('says so plainly when not answered and offers the closest articles', () => {
    const reply = renderAnswer(
      {
        ...answer,
        answered: false,
        reason: 'no-match',
        citations: [],
        related: [
          { source: 'a.md', title: 'Alpha' },
          { source: 'b.md', title: 'Beta', url: 'https://b.example/' },
        ],
      },
      { elapsedMs: 3 },
    );
    expect(reply.embeds[0]?.description).toBe(
      "I couldn't find an answer to that in the articles.\n\nClosest articles:\n• Alpha · a.md\n• [Beta](https://b.example/)",
    );
  });

  it('quotes the closest passage under a hedge, with its source and the other closest articles', () => {
    const reply = renderAnswer(
      {
        ...answer,
        answered: false,
        reason: 'low-confidence',
        citations: answer.citations.slice(0, 1),
        hasMore: false,
        related: [{ source: 'b.md', title: 'Beta', url: 'https://b.example/' }],
      },
      { elapsedMs: 3 },
    );
    const embed = reply.embeds[0];
    expect(embed?.description).toMatch(
      /^I'm not sure this answers it — the closest passage:\n\n\*\*\[1\]\*\* /,
    );
    expect(embed?.description).toContain('**alliance** was signed in 1815');
    expect(embed?.description).not.toContain('Vienna');
    expect(embed?.fields?.[0]?.value).toContain('The Alliance');
    expect(embed?.fields?.[1]).toEqual({ name: 'Closest articles', value: '• [Beta](https://b.example/)' });
    expectWithinLimits(reply);
  });

  it('pings only the user named by mention', () => {
    const reply = renderAnswer(answer, { elapsedMs: 1, mentionUserId: '223456789012345678' });
    expect(reply.content).toBe('<@223456789012345678>');
    expectNoMentions(reply, { ping: '223456789012345678' });
  });

  it('names the user who shared an answer without pinging anyone', () => {
    const reply = renderAnswer(answer, { elapsedMs: 1, sharedByUserId: '323456789012345678' });
    expect(reply.content).toBe('Shared by <@323456789012345678>');
    expectNoMentions(reply, { named: '323456789012345678' });
  });

  it('drops links that are not http(s)', () => {
    const citation = { ...answer.citations[0], url: 'javascript:alert(1)' } as Answer['citations'][number];
    const reply = renderAnswer({ ...answer, citations: [citation] }, { elapsedMs: 1 });
    expect(allText(reply)).not.toContain('javascript:');
  });

  it('stays within every Discord limit and pings nobody but the intended user, for any answer', () => {
    fc.assert(
      fc.property(
        answerArb,
        fc.option(snowflakeArb, { nil: undefined }),
        fc.option(snowflakeArb, { nil: undefined }),
        fc.boolean(),
        fc.nat(),
        (anyAnswer, mention, sharer, ephemeral, elapsedMs) => {
          const reply = renderAnswer(anyAnswer, {
            elapsedMs,
            ephemeral,
            controls,
            ...(mention === undefined ? {} : { mentionUserId: mention }),
            ...(sharer === undefined ? {} : { sharedByUserId: sharer }),
          });
          expectWithinLimits(reply);
          expectNoMentions(reply, {
            ...(mention === undefined ? {} : { ping: mention }),
            ...(sharer === undefined ? {} : { named: sharer }),
          });
          expect(reply.ephemeral).toBe(ephemeral);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the other views', () => {
  it('keep within limits and ping nobody for any search page, article, stats and notice', () => {
    fc.assert(
      fc.property(searchPageArb, articleViewArb, statsArb, hostileText(), (page, view, stats, text) => {
        const replies = [
          renderSearchPage(page, { elapsedMs: 5, prev: 'c1|pv|0|0|q', next: 'c1|nx|5|0|q' }),
          renderArticle(view),
          renderArticleNotFound(text, [{ name: text, value: 'x' }]),
          renderStats(
            stats,
            { answered: 1, unanswered: 2, votesUp: 3, votesDown: 4, unansweredLogged: 5 },
            Date.now(),
          ),
          renderReload({ ok: false, error: text, stats }, 10, 'de'),
          renderStats(
            stats,
            { answered: 1, unanswered: 2, votesUp: 3, votesDown: 4, unansweredLogged: 5 },
            0,
            'de',
          ),
          renderArticleChoices(
            text,
            Array.from({ length: 12 }, (_, i) => ({ source: `${text}${i}`, title: text })),
            40,
            { customIdOf: (source) => (source.length < 90 ? `ka1|p|${source}` : undefined), language: 'de' },
          ),
          renderLearned(
            Array.from({ length: 9 }, (_, i) => ({
              id: i + 1,
              article: text,
              question: text,
              status: 'pending' as const,
              guildId: '1',
              proposedAt: '',
              decidedBy: null,
              decidedAt: null,
            })),
            {
              offset: 4,
              ids: {
                decide: (id, approve) => `kl1|${approve ? 'a' : 'r'}|${id}`,
                turn: (o, d) => `kl1|${d}|${o}`,
              },
              language: 'de',
              decided: text,
            },
          ),
          renderHelp({
            examples: [text, text],
            articles: stats.articles,
            answerChannels: ['123456789012345678'],
          }),
          renderNotice(text),
        ];
        for (const reply of replies) {
          expectWithinLimits(reply);
          expectNoMentions(reply);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('shows page buttons only when there is another page, disabled at the ends', () => {
    const page = { query: 'q', hits: [], total: 0, offset: 0, articlesSearched: 3 };
    expect(renderSearchPage(page, { elapsedMs: 1 }).components).toEqual([]);
    const row = renderSearchPage(page, { elapsedMs: 1, next: 'c1|nx|5|0|q' }).components[0];
    expect(row?.components.map((button) => button.disabled ?? false)).toEqual([true, false]);
  });
});

describe('finalize', () => {
  it('shares the 6000-character budget across embeds', () => {
    const long = 'x'.repeat(4096);
    const reply = finalize({
      embeds: [{ description: long }, { description: long }, { title: 'y'.repeat(300) }],
    });
    expectWithinLimits(reply);
  });

  it('caps fields, rows, buttons, labels and drops custom_ids over 100 characters', () => {
    const button = (id: string) => ({ type: 2, style: 2, custom_id: id, label: 'l'.repeat(200) }) as const;
    const row = { type: 1, components: Array.from({ length: 7 }, (_, i) => button(`id${i}`)) } as const;
    const reply = finalize({
      embeds: [{ fields: Array.from({ length: 30 }, () => ({ name: '', value: '' })) }],
      components: [
        ...Array.from({ length: 6 }, () => row),
        { type: 1, components: [button('z'.repeat(101))] },
      ],
    });
    expectWithinLimits(reply);
    expect(reply.components).toHaveLength(5);
  });

  it('always parses no mentions, even with an empty draft', () => {
    const reply = finalize({});
    expect(reply.allowedMentions).toEqual({ parse: [], users: [], roles: [], repliedUser: false });
    expect(reply.content).toBe('\u200b');
  });

  it('lets the one intended role ping through and breaks every other role mention', () => {
    const reply = finalize({
      content: '<@&111111111111111111> and <@&222222222222222222>',
      pingRoleId: '111111111111111111',
    });
    expect(reply.allowedMentions).toEqual({
      parse: [],
      users: [],
      roles: ['111111111111111111'],
      repliedUser: false,
    });
    expect(reply.content).toContain('<@&111111111111111111>');
    expect(reply.content).not.toContain('<@&222222222222222222>');
  });
});
