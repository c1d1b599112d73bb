import { describe, expect, it } from 'vitest';
import { LocalEventClaims } from '../../../src/adapters/discord/eventClaims.ts';

describe('LocalEventClaims', () => {
  it('claims an event once, and a message and an interaction with the same id apart', async () => {
    const claims = new LocalEventClaims({ max: 10, ttlMs: 60_000 });
    expect(await claims.claim('message', '1')).toBe(true);
    expect(await claims.claim('message', '1')).toBe(false);
    expect(await claims.claim('interaction', '1')).toBe(true);
    expect(await claims.claim('message', '2')).toBe(true);
  });

  it('stays bounded: the oldest ids are forgotten first', async () => {
    const claims = new LocalEventClaims({ max: 2, ttlMs: 60_000 });
    for (const id of ['1', '2', '3']) await claims.claim('message', id);
    expect(await claims.claim('message', '3')).toBe(false);
    expect(await claims.claim('message', '1')).toBe(true);
  });
});
