import { describe, expect, it } from 'vitest';
import { routeMessage } from '../../../src/adapters/discord/messages.ts';

const botId = '100000000000000001';
const answerChannel = '200000000000000002';
const otherChannel = '300000000000000003';

function msg(
  content: string,
  extra: {
    bot?: boolean;
    webhookId?: string;
    guild?: boolean;
    channelId?: string;
    system?: boolean;
    repliedTo?: string;
  } = {},
) {
  return {
    mentions: { repliedUser: extra.repliedTo === undefined ? null : { id: extra.repliedTo } },
    author: { bot: extra.bot ?? false } as never,
    webhookId: extra.webhookId ?? null,
    system: extra.system ?? false,
    content,
    channelId: extra.channelId ?? otherChannel,
    inGuild: () => extra.guild ?? true,
  };
}

describe('routeMessage', () => {
  it('answers an @mention with the mention stripped', () => {
    expect(routeMessage(msg(`<@${botId}> when was it signed?`), botId, 'mention')).toEqual({
      route: 'mention',
      question: 'when was it signed?',
    });
  });

  it('answers any DM text', () => {
    expect(routeMessage(msg('alliance treaty', { guild: false }), botId, 'mention')).toEqual({
      route: 'dm',
      question: 'alliance treaty',
    });
  });

  it('answers every message in an `all` channel, and nothing at all in an `off` one', () => {
    expect(routeMessage(msg('alliance treaty', { channelId: answerChannel }), botId, 'all')).toEqual({
      route: 'channel',
      question: 'alliance treaty',
    });
    expect(routeMessage(msg(`<@${botId}> when was it signed?`), botId, 'off')).toBeUndefined();
    expect(routeMessage(msg('alliance treaty', { guild: false }), botId, 'off')).toEqual({
      route: 'dm',
      question: 'alliance treaty',
    });
  });

  it('answers a new forum post from its title plus first message in `questions`/`all` forums only', () => {
    expect(routeMessage(msg(''), botId, 'questions', 'How do I reset my password?')).toEqual({
      route: 'forum',
      question: 'How do I reset my password?',
    });
    expect(routeMessage(msg('It fails with error 5'), botId, 'all', 'Login broken')).toEqual({
      route: 'forum',
      question: 'Login broken\nIt fails with error 5',
    });
    expect(routeMessage(msg('anyone?'), botId, 'mention', 'Login broken')).toBeUndefined();
  });

  it('answers question-like messages in questions channels only', () => {
    expect(
      routeMessage(msg('When was it signed?', { channelId: answerChannel }), botId, 'questions'),
    ).toEqual({
      route: 'channel',
      question: 'When was it signed?',
    });
    expect(
      routeMessage(msg('nice weather today', { channelId: answerChannel }), botId, 'questions'),
    ).toBeUndefined();
    expect(routeMessage(msg('When was it signed?'), botId, 'mention')).toBeUndefined();
  });

  it('never answers bots, itself, webhooks or system messages', () => {
    expect(routeMessage(msg(`<@${botId}> who are you?`, { bot: true }), botId, 'mention')).toBeUndefined();
    expect(routeMessage(msg('hello?', { bot: true, guild: false }), botId, 'mention')).toBeUndefined();
    expect(
      routeMessage(msg(`<@${botId}> hi?`, { webhookId: '400000000000000004' }), botId, 'mention'),
    ).toBeUndefined();
    expect(routeMessage(msg(`<@${botId}> hi?`, { system: true }), botId, 'mention')).toBeUndefined();
  });

  it('answers a reply to one of its answers like a mention, in any mode but off', () => {
    expect(routeMessage(msg('and when?', { repliedTo: botId }), botId, 'mention')).toEqual({
      route: 'mention',
      question: 'and when?',
    });
    expect(
      routeMessage(msg('and when?', { repliedTo: '400000000000000004' }), botId, 'mention'),
    ).toBeUndefined();
    expect(routeMessage(msg('and when?', { repliedTo: botId }), botId, 'off')).toBeUndefined();
  });

  it('gives a bare @mention a hint instead of an answer', () => {
    expect(routeMessage(msg(`<@${botId}>`), botId, 'mention')).toEqual({ route: 'hint', question: '' });
    expect(routeMessage(msg(`<@${botId}>`), botId, 'off')).toBeUndefined();
  });

  it('never answers an empty question', () => {
    expect(routeMessage(msg(`<@!${botId}>   ?`), botId, 'mention')).toBeUndefined();
    expect(routeMessage(msg('', { guild: false }), botId, 'mention')).toBeUndefined();
    // Without the Message Content intent, un-mentioned guild messages arrive empty.
    expect(routeMessage(msg('', { channelId: answerChannel }), botId, 'questions')).toBeUndefined();
  });

  it('ignores ordinary guild messages that do not mention the bot', () => {
    expect(routeMessage(msg('When was it signed?'), botId, 'mention')).toBeUndefined();
  });
});
