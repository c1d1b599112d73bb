import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { matchAlias } from '../../../src/core/answer/approvedAliases.ts';
import type { Engine } from '../../../src/core/engine.ts';
import { DefaultSearchSettings } from '../../../src/core/search/settings.ts';
import { expectValidAnswer } from '../../support/answers.ts';
import { shippedEngine } from '../../support/knowledge.ts';

const ENGLISH = '004_182bb502e5372a60.txt';
const GERMAN = '000_3bc0f4edfab983df.txt';
const approved = {
  article: ENGLISH,
  question: "How many professionals will China's blockchain center train, zorblax?",
};

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

describe('matchAlias', () => {
  const match = (question: string, aliases = [approved]) =>
    matchAlias(engine.knowledge, question, aliases, DefaultSearchSettings);

  it('applies to the approved wording, the same words reordered with one dropped, and its distinctive word alone', () => {
    expect(match(approved.question)).toBe(approved);
    expect(match('zorblax: how many blockchain professionals will China train')).toBe(approved);
    expect(match('zorblax')).toBe(approved);
  });

  it('does not apply to one common word of it, to other questions, or to an article that is gone', () => {
    expect(match('china')).toBeUndefined();
    expect(match('Who joined the alliance in Chongqing?')).toBeUndefined();
    expect(match('?!')).toBeUndefined();
    expect(match('zorblax', [{ ...approved, article: 'deleted.md' }])).toBeUndefined();
    expect(match('zorblax', [])).toBeUndefined();
  });

  it('picks the closest of several approved questions', () => {
    const other = { article: GERMAN, question: 'zorblax alliance members' };
    expect(match('zorblax alliance members', [approved, other])).toBe(other);
    expect(match('zorblax professionals train', [approved, other])).toBe(approved);
  });
});

describe('Engine.ask with approved aliases', () => {
  it('cites the approved article first for a question asked like the approved one, and not without it', () => {
    expect(engine.ask('zorblax').answered).toBe(false);
    const answer = engine.ask('zorblax', {}, [approved]);
    expectValidAnswer(answer, 'zorblax');
    expect(answer.answered).toBe(true);
    expect(answer.citations[0]?.source).toBe(ENGLISH);
  });

  it('puts the approved article ahead of the one the words alone find best', () => {
    const question = 'Who joined the alliance, zorblax?';
    expect(engine.ask(question).citations[0]?.source).toBe(GERMAN);
    const moved = engine.ask(question, {}, [{ article: ENGLISH, question }]);
    expect(moved.answered).toBe(true);
    expect(moved.citations[0]?.source).toBe(ENGLISH);
  });

  it('answers any string with any approved questions without throwing', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.string(), { maxLength: 3 }), (question, asked) => {
        const aliases = asked.map((text, i) => ({ article: i % 2 === 0 ? ENGLISH : GERMAN, question: text }));
        expectValidAnswer(engine.ask(question, {}, aliases), question);
      }),
      { numRuns: 100 },
    );
  });
});
