import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AnswerButton,
  type AnswerState,
  decodeButton,
  encodeButtons,
  type StoredState,
} from '../../../src/adapters/discord/buttonIds.ts';
import { ButtonStateStore } from '../../../src/adapters/discord/buttonStateStore.ts';
import { snowflakeArb } from './render/arbitraries.ts';

const answerButtons: AnswerButton[] = ['share', 'more', 'up', 'down', 'delete'];

function newStore(max = 100) {
  return new ButtonStateStore<StoredState>({ max, ttlMs: 60_000 });
}

describe('encodeButtons and decodeButton', () => {
  it('put a short question inline, so the buttons survive a restart', () => {
    const state: AnswerState = {
      question: 'When was it signed?',
      offset: 3,
      count: 3,
      askerId: '123456789012345678',
      hidden: true,
    };
    const ids = encodeButtons(answerButtons, state, newStore());
    expect(ids.more).toBe('c1|mo|3|3|123456789012345678|1|When was it signed?');
    const afterRestart = newStore();
    for (const button of answerButtons) {
      expect(decodeButton(ids[button], afterRestart)).toEqual({ ok: true, button, state });
    }
  });

  it('store a long question once and give every button the same short key', () => {
    const store = newStore();
    const state: AnswerState = {
      question: 'q'.repeat(500),
      offset: 0,
      count: 2,
      askerId: '123456789012345678',
      hidden: false,
    };
    const ids = encodeButtons(answerButtons, state, store);
    expect(store.size).toBe(1);
    for (const button of answerButtons) {
      expect(ids[button].length).toBeLessThanOrEqual(100);
      expect(decodeButton(ids[button], store)).toEqual({ ok: true, button, state });
    }
  });

  it('round-trip any answer or search state within 100 characters', () => {
    const store = newStore(10_000);
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.nat({ max: 999_999 }),
        fc.nat({ max: 25 }),
        snowflakeArb,
        fc.boolean(),
        (question, offset, count, askerId, hidden) => {
          const answer: AnswerState = { question, offset, count, askerId, hidden };
          const ids = encodeButtons(answerButtons, answer, store);
          for (const button of answerButtons) {
            expect(ids[button].length).toBeLessThanOrEqual(100);
            expect(decodeButton(ids[button], store)).toEqual({ ok: true, button, state: answer });
          }
          const search = { query: question, offset, hidden };
          const pages = encodeButtons(['prev', 'next'], search, store);
          expect(pages.prev.length).toBeLessThanOrEqual(100);
          expect(decodeButton(pages.next, store)).toEqual({ ok: true, button: 'next', state: search });
        },
      ),
    );
  });

  it('read forgotten state, foreign ids and malformed ids as expired', () => {
    const store = newStore(1);
    const long = {
      question: 'x'.repeat(200),
      offset: 0,
      count: 1,
      askerId: '123456789012345678',
      hidden: false,
    };
    const first = encodeButtons(['up'], long, store);
    encodeButtons(['up'], { ...long, question: 'y'.repeat(200) }, store);
    const expired = { ok: false, reason: 'expired' };
    expect(decodeButton(first.up, store)).toEqual(expired);
    for (const id of [
      '',
      'other-bot:thing',
      'c1|zz|1',
      'c0|up|0|1|123456789012345678|0|q',
      'c1|up|x|1|123|0|q',
      'c1|pv|1|2|q',
      'c1|pv|none',
    ]) {
      expect(decodeButton(id, store)).toEqual(expired);
    }
  });

  it('never mistake a search state for an answer state', () => {
    const store = newStore();
    const pages = encodeButtons(['next'], { query: 'z'.repeat(200), offset: 5, hidden: false }, store);
    const key = pages.next.split('|')[2];
    expect(decodeButton(`c1|up|${key}`, store)).toEqual({ ok: false, reason: 'expired' });
  });
});

describe('ButtonStateStore', () => {
  it('keeps no more than its maximum however many answers are stored', () => {
    const store = newStore(50);
    for (let i = 0; i < 1000; i++) store.put({ query: String(i), offset: 0, hidden: false });
    expect(store.size).toBe(50);
  });
});
