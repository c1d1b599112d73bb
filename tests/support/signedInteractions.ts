import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import type { APIInteraction } from 'discord.js';
import type { FakeDiscord } from './fakeDiscord/index.ts';

/** An application's Ed25519 key pair, as Discord holds the private half and shows the public one. */
export interface ApplicationKeys {
  /** DISCORD_PUBLIC_KEY: the raw 32-byte key in hex, as the Developer Portal shows it. */
  readonly publicKeyHex: string;
  readonly privateKey: KeyObject;
}

/** A fresh key pair for one test. */
export function applicationKeys(): ApplicationKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const x = publicKey.export({ format: 'jwk' }).x ?? '';
  return { publicKeyHex: Buffer.from(x, 'base64url').toString('hex'), privateKey };
}

/** What the endpoint answered. */
export interface EndpointReply {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  json<T = unknown>(): T;
}

/** Options of {@link postSigned}. */
export interface PostOptions {
  /** Unix seconds in X-Signature-Timestamp (default now). */
  readonly timestamp?: number;
  /** Sign this text instead of the body sent (a tampered request). */
  readonly signedBody?: string;
  /** Send no signature headers at all. */
  readonly unsigned?: boolean;
}

/** POSTs `body` to `url` signed as Discord signs interaction requests. */
export async function postSigned(
  url: string,
  keys: ApplicationKeys,
  body: unknown,
  options: PostOptions = {},
): Promise<EndpointReply> {
  const text = JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const signature = sign(
    null,
    Buffer.from(timestamp + (options.signedBody ?? text)),
    keys.privateKey,
  ).toString('hex');
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(options.unsigned ? {} : { 'x-signature-ed25519': signature, 'x-signature-timestamp': timestamp }),
    },
    body: text,
  });
  const reply = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: reply,
    json: <T>() => JSON.parse(reply) as T,
  };
}

/**
 * Plays Discord's side of an HTTP interaction: the fake learns the interaction, it is POSTed
 * signed to the endpoint, and the HTTP response is handed to the fake's callback route exactly as
 * Discord would take it — so the fake validates it as it validates a gateway bot's callback.
 *
 * @returns the endpoint's reply and the fake's verdict on it (204 when Discord would accept it)
 */
export async function deliverOverHttp(
  fake: FakeDiscord,
  endpoint: string,
  keys: ApplicationKeys,
  interaction: APIInteraction,
): Promise<{ reply: EndpointReply; accepted: number }> {
  fake.receiveOverHttp(interaction);
  const reply = await postSigned(endpoint, keys, interaction);
  if (reply.status !== 200) return { reply, accepted: 0 };
  const forwarded = await fetch(
    `${fake.apiUrl}/v10/interactions/${interaction.id}/${interaction.token}/callback`,
    {
      method: 'POST',
      headers: { 'content-type': reply.contentType },
      body: reply.text,
    },
  );
  await forwarded.arrayBuffer();
  return { reply, accepted: forwarded.status };
}
