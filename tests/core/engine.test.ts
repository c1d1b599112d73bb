import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.ts';
import { expectValidAnswer, expectValidSearchPage, expectValidSuggestions } from '../support/answers.ts';
import { engineFrom, shippedEngine } from '../support/knowledge.ts';

const ENGLISH = '004_182bb502e5372a60.txt';
const GERMAN = '000_3bc0f4edfab983df.txt';
const ENGLISH_TITLE = 'China Rolls Out National Blockchain Center to Train more than 500000 Professionals';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

describe('Engine.article', () => {
  it('finds an article by id', () => {
    expect(engine.article(ENGLISH)).toMatchObject({
      source: ENGLISH,
      title: ENGLISH_TITLE,
      lang: 'en',
      tags: [],
    });
    expect(engine.article(`  ${GERMAN} `)?.source).toBe(GERMAN);
  });

  it('finds an article by exact title, by title in another case and by part of a title', () => {
    expect(engine.article(ENGLISH_TITLE)?.source).toBe(ENGLISH);
    expect(engine.article(ENGLISH_TITLE.toUpperCase())?.source).toBe(ENGLISH);
    expect(engine.article('national blockchain center')?.source).toBe(ENGLISH);
  });

  it('lists the other articles a name matches as well, and none when one matches', () => {
    const several = engine.article('china');
    expect(several?.source).toBe(GERMAN);
    expect(several?.alsoMatching?.map((other) => other.source)).toEqual([ENGLISH]);
    expect(several?.matching).toBe(2);
    expect(engine.article('national blockchain center')?.alsoMatching).toBeUndefined();
    // Found by id, or by search: no list, whatever the titles hold.
    expect(engine.article(ENGLISH)?.alsoMatching).toBeUndefined();
    expect(engine.article('Allianz Blockchain Chongqing')?.alsoMatching).toBeUndefined();
  });

  it('prefers one exact title over other titles holding it', () => {
    const twins = engineFrom({
      'a.md': '# Printing\n\nHow to print a page from any application.',
      'b.md': '# Printing in colour\n\nColour printers need their own driver.',
      'c.md': '# printing\n\nLower-case twin about print queues.',
    });
    expect(twins.article('Printing in colour')?.alsoMatching).toBeUndefined();
    const folded = twins.article('PRINTING');
    expect([folded?.source, ...(folded?.alsoMatching ?? []).map((other) => other.source)]).toEqual([
      'a.md',
      'c.md',
    ]);
    expect(twins.article('Printing')?.alsoMatching).toBeUndefined();
  });

  it('finds the best matching article for words from its title in another order', () => {
    expect(engine.article('Allianz Blockchain Chongqing')?.source).toBe(GERMAN);
  });

  it('describes the article: opening passage, passage and word counts', () => {
    const view = engine.article(ENGLISH);
    expect(view?.opening).toMatch(/^China has launched National Blockchain Center in Beijing\./);
    expect(view?.passages).toBe(engine.knowledge.passages.filter((p) => p.articleId === ENGLISH).length);
    expect(view?.words).toBeGreaterThan(300);
  });

  it('finds nothing for an empty name or words no article has', () => {
    expect(engine.article('')).toBeUndefined();
    expect(engine.article('   ')).toBeUndefined();
    expect(engine.article('zebra xylophone')).toBeUndefined();
  });
});

describe('Engine.suggest', () => {
  it('completes shipped titles to their ids', () => {
    expect(engine.suggest('article', 'china rolls')).toEqual([{ name: ENGLISH_TITLE, value: ENGLISH }]);
  });

  it('keeps names and values non-empty and the count within 25', () => {
    for (const kind of ['article', 'question'] as const) {
      for (const partial of ['', 'b', 'blockchain', 'x'.repeat(500)])
        expectValidSuggestions(engine.suggest(kind, partial));
    }
    expect(engine.suggest('article', '', 100).length).toBeLessThanOrEqual(25);
  });

  it('tells apart articles that share a title by their id', () => {
    const twins = engineFrom({
      'en/faq.md': '# FAQ\n\nHow to water tomatoes in the garden.',
      'de/faq.md': '# FAQ\n\nWie man Tomaten im Garten gießt.',
    });
    expect(twins.stats().articles).toBe(2);
    expect(twins.suggest('article', 'faq')).toEqual([
      { name: 'FAQ · en/faq.md', value: 'en/faq.md' },
      { name: 'FAQ · de/faq.md', value: 'de/faq.md' },
    ]);
    expect(twins.article('de/faq.md')?.opening).toMatch(/Tomaten/);
  });
});

describe('Engine.stats', () => {
  it('counts articles, passages and languages of the shipped knowledge', () => {
    const stats = engine.stats();
    expect(stats).toMatchObject({ articles: 2, languages: { de: 1, en: 1 }, skipped: [], fromCache: false });
    expect(stats.passages).toBe(engine.knowledge.passages.length);
  });
});

/** Questions a hostile or careless user might type. */
const hostile = fc.oneof(
  fc.constantFrom(
    '',
    ' \t\n ',
    'x'.repeat(10_000),
    'blockchain '.repeat(1000),
    '🚀🎉💥'.repeat(50),
    '\u200b\u200c\u200d\u2060\ufeff',
    '\u202eWer ist der Allianz beigetreten?\u202c',
    '\u200fمن انضم إلى التحالف؟',
    '\u0000\u0001\u0007\u001b[31m\u007f',
    '.*+?^$\u007b}()|[]\\/ (?<=a)b', // `$\u007b` is `${`, spelled so for the linter
    '"unmatched \'quotes « „',
    '```js\nconsole.log("x")\n```',
    '@everyone @here <@&123456789012345678> <@123456789012345678> <#1> <:emoji:1>',
    '**bold** __under__ ~~strike~~ ||spoiler|| > quote',
    '\ud800 lone surrogate \udfff',
    'Allianz'.repeat(2000),
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: 'grapheme', maxLength: 100 }),
  fc.string({
    unit: fc.constantFrom('a', ' ', '*', '`', '@', '"', '\u200b', '\u202e', '\n', 'ß', 'Allianz', 'train'),
    maxLength: 80,
  }),
  fc.string({ unit: 'binary', minLength: 2000, maxLength: 10_000 }),
);

describe('Engine with any input (property)', () => {
  it('answers any string with a valid Answer and never throws', () => {
    fc.assert(
      fc.property(hostile, (question) => {
        expectValidAnswer(engine.ask(question), question);
      }),
      { numRuns: 300 },
    );
  });

  it('answers any string on any page', () => {
    fc.assert(
      fc.property(hostile, fc.nat(20), fc.integer({ min: 1, max: 3 }), (question, offset, limit) => {
        expectValidAnswer(engine.ask(question, { offset, limit }), question, offset, limit);
      }),
      { numRuns: 200 },
    );
  });

  it('searches any string with a valid page and never throws', () => {
    fc.assert(
      fc.property(hostile, fc.nat(10), (query, offset) => {
        expectValidSearchPage(engine.search(query, { offset }), query, offset);
      }),
      { numRuns: 300 },
    );
  });

  it('suggests at most `limit` distinct, non-empty choices for any string and never throws', () => {
    fc.assert(
      fc.property(
        hostile,
        fc.constantFrom('question' as const, 'article' as const),
        fc.nat(40),
        (partial, kind, limit) => {
          expectValidSuggestions(engine.suggest(kind, partial, limit), limit);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('looks up any string as an article without throwing', () => {
    fc.assert(
      fc.property(hostile, (name) => {
        const view = engine.article(name);
        if (view) expect([ENGLISH, GERMAN]).toContain(view.source);
      }),
      { numRuns: 200 },
    );
  });
});
