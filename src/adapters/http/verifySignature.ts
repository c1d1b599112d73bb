import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** DER prefix of an Ed25519 SubjectPublicKeyInfo: Node reads a raw 32-byte key through it. */
const ed25519SpkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');

/**
 * How far a request's timestamp may be from this machine's clock. Discord sends the request as it
 * signs it; an older timestamp is a replay of a captured request. Five minutes leaves room for
 * clock drift, as Stripe's and Slack's signed webhooks do.
 */
export const maxTimestampSkewSeconds = 300;

/** The verdict on one request. */
export type SignatureVerdict = 'ok' | 'missing' | 'bad-signature' | 'stale';

/** Reads the application's public key (64 hex characters, from the Developer Portal). */
export function publicKeyFromHex(hex: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([ed25519SpkiPrefix, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

/**
 * Checks Discord's request signature: Ed25519 over `X-Signature-Timestamp` + the raw body, with
 * the application's public key (Node's own crypto), and that the timestamp is recent.
 */
export function verifyInteraction(
  key: KeyObject,
  headers: { readonly signature: string | undefined; readonly timestamp: string | undefined },
  rawBody: Buffer,
  nowMs: number = Date.now(),
): SignatureVerdict {
  const { signature, timestamp } = headers;
  if (signature === undefined || timestamp === undefined) return 'missing';
  if (!/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return 'bad-signature';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), rawBody]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return 'bad-signature';
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > maxTimestampSkewSeconds) return 'stale';
  return 'ok';
}
