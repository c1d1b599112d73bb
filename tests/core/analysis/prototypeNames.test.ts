import { beforeAll, describe, expect, it } from 'vitest';
import { askedFor } from '../../../src/core/analysis/questionKinds.ts';
import { expandAbbreviation } from '../../../src/core/analysis/variants.ts';
import type { Engine } from '../../../src/core/engine.ts';
import { expectValidAnswer } from '../../support/answers.ts';
import { shippedEngine } from '../../support/knowledge.ts';

// Found by the engine's property test (counterexample ["__proto__", 0]): the per-language word
// tables are plain objects, and a question word named like an Object.prototype member reached it.
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

let engine: Engine;
beforeAll(async () => {
  engine = await shippedEngine();
});

describe('question words named like Object.prototype members', () => {
  it('are no abbreviation and ask for no kind of answer', () => {
    for (const name of NAMES) {
      expect(expandAbbreviation(name, 'en')).toBeUndefined();
      expect(askedFor(`${name} ${name}`, 'en')).toBeUndefined();
      expect(askedFor(name, '__proto__')).toBeUndefined();
    }
  });

  it('get a valid answer, alone or inside a question', () => {
    for (const name of NAMES) {
      for (const question of [name, `how many ${name}`, `wie viele ${name}?`]) {
        expectValidAnswer(engine.ask(question), question);
      }
    }
  });
});
