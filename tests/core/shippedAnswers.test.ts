import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../src/core/engine.ts';
import { expectValidAnswer } from '../support/answers.ts';
import { engineFrom, shippedEngine } from '../support/knowledge.ts';

/**
 * The questions issue 9 found refused or answered with the wrong sentence, over the shipped
 * articles: each must be answered confidently from the right article with the sentence that
 * answers it.
 */
const ENGLISH = '004_182bb502e5372a60.txt';
const GERMAN = '000_3bc0f4edfab983df.txt';

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

const chatty =
  'Hi there! I was reading some news the other day and got really curious, so I hope you can help me ' +
  'out with this one: I heard that China launched some kind of national blockchain center in Beijing, ' +
  'and apparently it is meant to train a really large number of blockchain professionals over the next ' +
  'few years, together with universities and experts. Do you happen to know how many professionals ' +
  'exactly the research center wants to train? Thanks a lot in advance!';

describe('answers to the questions issue 9 found refused or answered wrongly', () => {
  it.each([
    ['how many ppl will the blockchain center train', ENGLISH, '500,000'],
    ['how many professionals will the blockchain centre train', ENGLISH, '500,000'],
    ['whats chainmaker', ENGLISH, 'ChainMaker'],
    [
      'who runs the developement of the center',
      ENGLISH,
      'heading the development of the National Blockchain Center',
    ],
    ['which province got the first blockchain zone', GERMAN, 'Provinz Hunan'],
    [chatty, ENGLISH, '500,000'],
    [
      'what is yu express chain based on',
      GERMAN,
      'Die Plattform basiert auf Inspur Blockchain Services (IBS)',
    ],
    ['what did zheng say about blockchain ecosystems', ENGLISH, 'operating in an isolated environment'],
  ])(
    'answers “%s” from the right article with the sentence that answers it',
    (question, source, sentence) => {
      expect(question.length).toBeLessThanOrEqual(500);
      const answer = engine.ask(question);
      expectValidAnswer(answer, question);
      expect(answer.answered).toBe(true);
      expect(answer.citations[0]?.source).toBe(source);
      expect(answer.citations[0]?.snippet.text).toContain(sentence);
    },
  );

  it('cites no further article that matched a single common word (“who backed chainmaker?”)', () => {
    const answer = engine.ask('who backed chainmaker?');
    expect(answer.answered).toBe(true);
    expect(answer.citations.map((c) => c.source)).toEqual([ENGLISH]);
    expect(answer.citations[0]?.snippet.text).toContain('backed ChainMaker include China Unicom');
  });

  it('shows “…” where the snippet skips sentences', () => {
    const snippet = engine.ask('who backed chainmaker?').citations[0]?.snippet.text ?? '';
    // The two sentences naming ChainMaker are not neighbours in the article.
    expect(snippet).toMatch(/China\. … The new version was hosted on ChainMaker/);
  });

  it('shows the articles’ own titles, in their own language', () => {
    expect(engine.article(GERMAN)?.title).toBe(
      'China begrüßt in Chongqing seine erste Blockchain-Allianz auf Provinzebene',
    );
    expect(engine.article(ENGLISH)?.title).toBe(
      'China Rolls Out National Blockchain Center to Train more than 500000 Professionals',
    );
    expect(engine.ask('Wer ist der Allianz beigetreten?').citations[0]?.title).not.toMatch(/^Laut ChinaNews/);
  });

  it('offers as examples only whole questions the knowledge answers', () => {
    const examples = engine.suggest('question', '', 5);
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const { value } of examples) {
      expect(value).not.toMatch(/…$/);
      const answer = engine.ask(value);
      expect(answer.answered, value).toBe(true);
    }
  });
});

describe('a short English article in an English folder', () => {
  it('is searched as English, so its English question is answered', () => {
    const engine = engineFrom({
      'badge.txt': 'Contractors get a yellow badge that expires after 90 days.',
      'parking.txt':
        'Parking\n\nStaff park in the north garage. Visitors use the spaces in front of the main entrance and register at the desk.',
      'lunch.txt':
        'Lunch\n\nThe canteen serves lunch from noon until two. Vegetarian dishes are offered every day of the week.',
    });
    expect(engine.stats().guessedLanguages).toEqual([{ source: 'badge.txt', lang: 'en' }]);
    const answer = engine.ask('When does the yellow badge of contractors expire?');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.source).toBe('badge.txt');
    expect(answer.citations[0]?.snippet.text).toContain('90 days');
  });
});

describe('a partly translated article', () => {
  it('analyses an English paragraph of a German article as English', () => {
    const german =
      'Die Allianz wurde in Chongqing gegründet. Mehr als hundert Unternehmen haben sich ihr angeschlossen, darunter Huawei und Tencent, und sie wollen gemeinsam eine offene Plattform für die Zusammenarbeit schaffen.';
    const english =
      'The members are working on a platform that is used by the city and that will be opened to all of the companies in the region within the next two years.';
    const engine = engineFrom({
      'de/allianz.md': `# Allianz\n\n${german}\n\n## Plattform\n\n${english}`,
      'de/andere.md': `# Andere\n\n${german.replace('Chongqing', 'Peking')}`,
    });
    const passages = engine.knowledge.passages.filter((p) => p.articleId === 'de/allianz.md');
    expect(passages.map((p) => p.lang)).toEqual(['de', 'en']);
    expect(engine.ask('Which companies will the platform be opened to?').citations[0]?.source).toBe(
      'de/allianz.md',
    );
  });
});
