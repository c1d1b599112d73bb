import type { RepliableInteraction } from 'discord.js';
import { MessageFlags } from 'discord.js';
import { describe, expect, it, vi } from 'vitest';
import { renderNotice } from '../../../src/adapters/discord/render/index.ts';
import { apologize, respond } from '../../../src/adapters/discord/respond.ts';
import { createLogger } from '../../../src/logger.ts';

/** Records the calls a handler makes, like discord.js's interaction state flags. */
class StubInteraction {
  calls: { method: string; options: unknown }[] = [];
  deferred = false;
  replied = false;
  id = '1';
  type = 2;
  customId = 'c1|up|x';
  commandName = 'ask';
  guildId = null;
  channelId = '2';
  constructor(private readonly component = false) {}
  isMessageComponent() {
    return this.component;
  }
  isAutocomplete() {
    return false;
  }
  isRepliable() {
    return true;
  }
  isCommand() {
    return !this.component;
  }
  async reply(options: unknown) {
    this.calls.push({ method: 'reply', options });
    this.replied = true;
  }
  async deferReply(options: unknown) {
    this.calls.push({ method: 'deferReply', options });
    this.deferred = true;
  }
  async editReply(options: unknown) {
    this.calls.push({ method: 'editReply', options });
  }
  async followUp(options: unknown) {
    this.calls.push({ method: 'followUp', options });
  }
  async update(options: unknown) {
    this.calls.push({ method: 'update', options });
    this.replied = true;
  }
  async deferUpdate() {
    this.calls.push({ method: 'deferUpdate', options: undefined });
    this.deferred = true;
  }
}

const asInteraction = (stub: StubInteraction) => stub as unknown as RepliableInteraction;
const reply = renderNotice('hello', { ephemeral: true });

describe('respond', () => {
  it('replies directly when the work is ready in time', async () => {
    const stub = new StubInteraction();
    await respond(asInteraction(stub), Promise.resolve(reply), {
      ephemeral: true,
      deferAfterMs: 60_000,
    });
    expect(stub.calls.map((call) => call.method)).toEqual(['reply']);
    expect(stub.calls[0]?.options).toMatchObject({
      content: 'hello',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [], users: [], repliedUser: false },
    });
  });

  it('defers, then edits the answer in, when the work is slow', async () => {
    const stub = new StubInteraction();
    let finish: (value: typeof reply) => void = () => {};
    const work = new Promise<typeof reply>((resolve) => {
      finish = resolve;
    });
    const responded = respond(asInteraction(stub), work, { ephemeral: false, deferAfterMs: 0 });
    await vi.waitFor(() => expect(stub.calls.map((call) => call.method)).toEqual(['deferReply']));
    expect(stub.calls[0]?.options).toEqual({});
    finish(reply);
    await responded;
    expect(stub.calls.map((call) => call.method)).toEqual(['deferReply', 'editReply']);
    expect(stub.calls[1]?.options).toMatchObject({ content: 'hello', allowedMentions: { parse: [] } });
    expect(stub.calls[1]?.options).not.toHaveProperty('flags');
  });

  it('defers ephemerally only when the answer is hidden', async () => {
    const stub = new StubInteraction();
    await respond(asInteraction(stub), new Promise((resolve) => setTimeout(() => resolve(reply), 5)), {
      ephemeral: true,
      deferAfterMs: 0,
    });
    expect(stub.calls[0]).toEqual({ method: 'deferReply', options: { flags: MessageFlags.Ephemeral } });
  });

  it('updates the button message in place in update mode', async () => {
    const quick = new StubInteraction(true);
    await respond(asInteraction(quick), Promise.resolve(reply), {
      ephemeral: false,
      deferAfterMs: 60_000,
      mode: 'update',
    });
    expect(quick.calls.map((call) => call.method)).toEqual(['update']);
    const slow = new StubInteraction(true);
    await respond(asInteraction(slow), new Promise((resolve) => setTimeout(() => resolve(reply), 5)), {
      ephemeral: false,
      deferAfterMs: 0,
      mode: 'update',
    });
    expect(slow.calls.map((call) => call.method)).toEqual(['deferUpdate', 'editReply']);
  });

  it('lets a failure of the work reach the caller', async () => {
    const stub = new StubInteraction();
    await expect(
      respond(asInteraction(stub), Promise.reject(new Error('boom')), {
        ephemeral: false,
        deferAfterMs: 60_000,
      }),
    ).rejects.toThrow('boom');
    expect(stub.calls).toEqual([]);
  });
});

describe('apologize', () => {
  const silent = createLogger({ level: 'silent' });

  it('replies ephemerally when nothing was sent yet', async () => {
    const stub = new StubInteraction();
    await apologize(asInteraction(stub), silent, new Error('boom'));
    expect(stub.calls).toHaveLength(1);
    expect(stub.calls[0]).toMatchObject({ method: 'reply', options: { flags: MessageFlags.Ephemeral } });
  });

  it('replaces a deferred command response, and follows up after a reply', async () => {
    const deferred = new StubInteraction();
    deferred.deferred = true;
    await apologize(asInteraction(deferred), silent, new Error('boom'));
    expect(deferred.calls.map((call) => call.method)).toEqual(['editReply']);

    const replied = new StubInteraction(true);
    replied.replied = true;
    await apologize(asInteraction(replied), silent, new Error('boom'));
    expect(replied.calls).toMatchObject([{ method: 'followUp', options: { flags: MessageFlags.Ephemeral } }]);
  });

  it('never throws, even when Discord refuses the apology', async () => {
    const stub = new StubInteraction();
    stub.reply = async () => {
      throw new Error('Unknown interaction');
    };
    await expect(apologize(asInteraction(stub), silent, new Error('boom'))).resolves.toBeUndefined();
  });
});
