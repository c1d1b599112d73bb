import fc from 'fast-check';
import type { Answer, ArticleView, KnowledgeStats, SearchPage, Snippet } from '../../../../src/core/types.ts';

/** Text an attacker or a broken article could produce: any code units plus markdown and mentions. */
export const hostileText = (maxParts = 30): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom(
          '@everyone',
          '@here',
          '<@123456789012345678>',
          '<@!123456789012345678>',
          '<@&123456789012345678>',
          '**',
          '__',
          '```',
          '`',
          '\\',
          '||',
          '~~',
          '[x](https://evil.example)',
          '\n# ',
          '> ',
          '\u200b',
          '\u202e',
        ),
        // Long runs, so every limit is actually reached (default sizes stay small).
        fc.string({ unit: 'binary', minLength: 500, maxLength: 3000 }),
        fc.constantFrom('@everyone '.repeat(300), `${'*'.repeat(2000)}_`),
      ),
      { maxLength: maxParts },
    )
    .map((parts) => parts.join(''));

export const urlArb = fc.option(
  fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'https://x.example/a(b)c d', 'not a url')),
  { nil: undefined },
);

const markArb = fc.record({
  start: fc.integer({ min: -3, max: 3000 }),
  end: fc.integer({ min: -3, max: 3000 }),
});

export const snippetArb: fc.Arbitrary<Snippet> = fc.record({
  text: hostileText(),
  marks: fc.array(markArb, { maxLength: 10 }),
});

function withOptional<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined) out[key] = value;
  return out as T;
}

const citationArb = fc
  .record({
    n: fc.integer({ min: 1, max: 1000 }),
    source: hostileText(3),
    title: hostileText(5),
    url: urlArb,
    heading: fc.option(hostileText(5), { nil: undefined }),
    snippet: snippetArb,
    score: fc.double({ noNaN: true }),
  })
  .map(({ url, heading, ...rest }) => withOptional(rest, { url, heading }));

const refArb = fc
  .record({ source: hostileText(3), title: hostileText(5), url: urlArb })
  .map(({ url, ...rest }) => withOptional(rest, { url }));

export const answerArb: fc.Arbitrary<Answer> = fc
  .record({
    question: hostileText(),
    answered: fc.boolean(),
    reason: fc.option(fc.constantFrom('empty-question', 'no-match', 'low-confidence'), { nil: undefined }),
    citations: fc.array(citationArb, { maxLength: 5 }),
    related: fc.array(refArb, { maxLength: 12 }),
    hasMore: fc.boolean(),
    articlesSearched: fc.nat(),
  })
  .map(({ reason, ...rest }) => withOptional(rest, { reason }) as Answer);

export const searchPageArb: fc.Arbitrary<SearchPage> = fc.record({
  query: hostileText(),
  hits: fc.array(
    fc
      .record({
        rank: fc.nat(),
        source: hostileText(3),
        title: hostileText(5),
        url: urlArb,
        heading: fc.option(hostileText(5), { nil: undefined }),
        snippet: snippetArb,
        score: fc.double({ noNaN: true }),
      })
      .map(({ url, heading, ...rest }) => withOptional(rest, { url, heading })),
    { maxLength: 10 },
  ),
  total: fc.nat(),
  offset: fc.nat(),
  articlesSearched: fc.nat(),
});

export const articleViewArb: fc.Arbitrary<ArticleView> = fc
  .record({
    source: hostileText(3),
    title: hostileText(5),
    url: urlArb,
    date: fc.option(hostileText(2), { nil: undefined }),
    lang: hostileText(2),
    tags: fc.array(hostileText(2), { maxLength: 30 }),
    opening: hostileText(),
    passages: fc.nat(),
    words: fc.nat(),
  })
  .map(({ url, date, ...rest }) => withOptional(rest, { url, date }));

export const statsArb: fc.Arbitrary<KnowledgeStats> = fc.record({
  articles: fc.nat(),
  passages: fc.nat(),
  languages: fc.dictionary(hostileText(2), fc.nat(), { maxKeys: 40 }),
  skipped: fc.array(fc.record({ file: hostileText(3), reason: hostileText(3) }), { maxLength: 20 }),
  builtAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  buildMs: fc.nat(),
  fromCache: fc.boolean(),
});

export const snowflakeArb = fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n - 1n }).map(String);
