import { describe, expect, it } from 'vitest';
import {
  hasQuestion,
  isQuestionLike,
  mentionsBot,
  stripBotMention,
} from '../../../src/adapters/discord/questionText.ts';

describe('isQuestionLike', () => {
  it.each([
    'When was the alliance signed?',
    'is this the right channel ?',
    'what does the treaty say about trade',
    'How do I reset my password',
    'Wann wurde der Vertrag unterschrieben',
    'Wie funktioniert das genau',
    'Gibt es dazu einen Artikel',
    'Warum ist das so?',
    '¿Dónde está la biblioteca',
    'treaty?',
    'Was ist die Hauptstadt?',
  ])('takes %j as a question', (text) => {
    expect(isQuestionLike(text)).toBe(true);
  });

  it.each([
    'thanks, that helped',
    'lol',
    'I think the alliance was signed in 1815.',
    'what',
    '???',
    '',
    '   ',
    '🙂?',
    'Das ist gut so',
  ])('leaves %j alone', (text) => {
    expect(isQuestionLike(text)).toBe(false);
  });
});

describe('stripBotMention', () => {
  const bot = '123456789012345678';

  it('removes the mention wherever it is and collapses whitespace', () => {
    expect(stripBotMention(`<@${bot}> when was it signed?`, bot)).toBe('when was it signed?');
    expect(stripBotMention(`when was it <@!${bot}>   signed?`, bot)).toBe('when was it signed?');
  });

  it('leaves nothing when the message was only the mention', () => {
    expect(stripBotMention(`  <@${bot}>  `, bot)).toBe('');
    expect(hasQuestion(stripBotMention(`<@${bot}> ?!`, bot))).toBe(false);
  });

  it('keeps other mentions as text', () => {
    expect(stripBotMention(`<@${bot}> ask <@223456789012345678>`, bot)).toBe('ask <@223456789012345678>');
  });
});

describe('mentionsBot', () => {
  it('needs the mention in the text, not just a reply to the bot', () => {
    expect(mentionsBot('hey <@123456789012345678> hi', '123456789012345678')).toBe(true);
    expect(mentionsBot('thanks!', '123456789012345678')).toBe(false);
    expect(mentionsBot('<@1234567890123456789>', '123456789012345678')).toBe(false);
  });
});
