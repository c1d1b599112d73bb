import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type APIApplicationCommandAutocompleteResponse,
  type APIInteractionResponseChannelMessageWithSource,
  InteractionResponseType,
  MessageFlags,
} from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../../src/config/index.ts';
import { type Running, start } from '../../../src/main.ts';
import { waitForReplyTo } from '../../e2e/support.ts';
import {
  autocompleteInteraction,
  chatInputInteraction,
  type FakeDiscord,
  message,
  messageContextInteraction,
  opt,
  startFakeDiscord,
} from '../../support/fakeDiscord/index.ts';
import {
  type ApplicationKeys,
  applicationKeys,
  deliverOverHttp,
  postSigned,
} from '../../support/signedInteractions.ts';

/**
 * A pure HTTP replica (INTERACTIONS_PORT + DISCORD_PUBLIC_KEY, no DISCORD_TOKEN) started through
 * start() as `npm start` starts it, with the fake Discord as DISCORD_API_URL; requests are signed
 * with a key pair made for the test, as Discord signs them.
 */
let fake: FakeDiscord;
let running: Running;
let keys: ApplicationKeys;
let scratch: string;
let base: string;
const logs: { msg?: string; level: number }[] = [];

beforeAll(async () => {
  fake = await startFakeDiscord();
  keys = applicationKeys();
  scratch = await mkdtemp(join(tmpdir(), 'citebot-http-'));
  running = await start(
    {
      DISCORD_PUBLIC_KEY: keys.publicKeyHex,
      INTERACTIONS_PORT: '0',
      INTERACTIONS_HOST: '127.0.0.1',
      DISCORD_API_URL: fake.apiUrl,
      KNOWLEDGE_DIR: join(projectRoot, 'knowledge'),
      DATA_DIR: join(scratch, 'data'),
      CACHE_DIR: join(scratch, 'cache'),
    },
    undefined,
    { logDestination: { write: (line: string) => logs.push(JSON.parse(line) as { level: number }) } },
  );
  base = `http://127.0.0.1:${running.interactions?.port}`;
}, 60_000);

afterAll(async () => {
  await running?.stop();
  await fake?.close();
  await rm(scratch, { recursive: true, force: true });
});

const question = "How many professionals will China's blockchain center train?";

describe('the HTTP interactions endpoint', () => {
  it('runs as a pure HTTP replica: no gateway connection, no bot token', () => {
    expect(running.mode).toBe('http');
    expect(running.bot).toBeUndefined();
    expect(fake.gateway.identifies).toHaveLength(0);
  });

  it('answers PING with PONG', async () => {
    const reply = await postSigned(`${base}/interactions`, keys, {
      id: '1',
      type: 1,
      token: 't',
      version: 1,
    });
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ type: 1 });
  });

  it('refuses a missing, forged, tampered or stale signature with 401', async () => {
    const ping = { id: '1', type: 1, token: 't', version: 1 };
    const url = `${base}/interactions`;
    expect((await postSigned(url, keys, ping, { unsigned: true })).status).toBe(401);
    expect((await postSigned(url, applicationKeys(), ping)).status).toBe(401);
    expect(
      (await postSigned(url, keys, ping, { signedBody: JSON.stringify({ ...ping, type: 2 }) })).status,
    ).toBe(401);
    // A captured request replayed ten minutes later.
    const stale = await postSigned(url, keys, ping, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    expect(stale.text).toContain('stale');
  });

  it('answers /ask in the HTTP response with the same embed and mention rules as the gateway', async () => {
    const interaction = chatInputInteraction(fake.world, {
      name: 'ask',
      options: [opt.string('question', question)],
    });
    const { reply, accepted } = await deliverOverHttp(fake, `${base}/interactions`, keys, interaction);
    expect(reply.status).toBe(200);
    const body = reply.json<APIInteractionResponseChannelMessageWithSource>();
    expect(body.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(body.data.allowed_mentions).toMatchObject({ parse: [], users: [] });
    expect(JSON.stringify(body.data.embeds)).toContain('500,000');
    // The fake checks it against Discord's limits as it checks a gateway bot's callback.
    expect(accepted).toBe(204);
    expect(fake.originalMessage(interaction)?.embeds[0]?.title).toContain('blockchain');
  });

  it('answers autocomplete with choices', async () => {
    const interaction = autocompleteInteraction(fake.world, {
      name: 'article',
      options: [opt.string('name', 'national blockchain', { focused: true })],
    });
    const { reply, accepted } = await deliverOverHttp(fake, `${base}/interactions`, keys, interaction);
    const body = reply.json<APIApplicationCommandAutocompleteResponse>();
    expect(body.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(body.data.choices?.[0]?.name).toContain('National Blockchain Center');
    expect(accepted).toBe(204);
  });

  it('with GATEWAY=off and a token, defers a context-menu answer in the HTTP response and posts it through DISCORD_API_URL', async () => {
    const replica = await start(
      {
        DISCORD_TOKEN: fake.token,
        GATEWAY: 'off',
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        INTERACTIONS_PORT: '0',
        INTERACTIONS_HOST: '127.0.0.1',
        DISCORD_API_URL: fake.apiUrl,
        KNOWLEDGE_DIR: join(projectRoot, 'knowledge'),
        DATA_DIR: join(scratch, 'data-gateway-off'),
        CACHE_DIR: join(scratch, 'cache'),
      },
      undefined,
      { logDestination: { write: () => {} } },
    );
    try {
      expect(replica.mode).toBe('http');
      const target = message(fake.world, { content: question });
      fake.world.messages.set(target.id, target);
      const interaction = messageContextInteraction(fake.world, {
        targetMessage: target,
        name: 'Answer with citebot',
      });
      const endpoint = `http://127.0.0.1:${replica.interactions?.port}/interactions`;
      const { reply, accepted } = await deliverOverHttp(fake, endpoint, keys, interaction);
      expect(reply.json()).toEqual({
        type: InteractionResponseType.DeferredChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
      expect(accepted).toBe(204);
      // The public answer goes to the channel by REST with the bot token, as from a gateway process.
      const answer = await waitForReplyTo(fake, target.id);
      expect(JSON.stringify(answer.body)).toContain('500,000');
      expect(answer.body).toMatchObject({
        allowed_mentions: { parse: [] },
        message_reference: { message_id: target.id, fail_if_not_exists: false },
      });
      expect(fake.gateway.identifies).toHaveLength(0);
    } finally {
      await replica.stop();
    }
  });

  it('serves /healthz, /readyz and Prometheus /metrics for load balancers', async () => {
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/citebot_interactions_total\{type="command",outcome="answered"\} [1-9]/);
    expect(metrics).toMatch(/citebot_interactions_rejected_total\{reason="bad-signature"\} [1-9]/);
    expect(metrics).toMatch(/citebot_interactions_rejected_total\{reason="stale"\} 1/);
    expect(metrics).toContain('citebot_interaction_response_seconds_bucket');
    expect((await fetch(`${base}/nothing`)).status).toBe(404);
    expect((await fetch(`${base}/interactions`)).status).toBe(405);
  });
});
