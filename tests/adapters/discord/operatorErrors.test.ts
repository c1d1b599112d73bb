import { describe, expect, it } from 'vitest';
import {
  fatalCloseMessage,
  loginFailureMessage,
  tokenRefused,
} from '../../../src/adapters/discord/operatorErrors.ts';

describe('loginFailureMessage', () => {
  it('says the token was refused for a 401 or discord.js TokenInvalid', () => {
    expect(
      loginFailureMessage(Object.assign(new Error('401: Unauthorized'), { status: 401 }), undefined),
    ).toBe(tokenRefused);
    expect(loginFailureMessage(Object.assign(new Error('x'), { code: 'TokenInvalid' }), undefined)).toBe(
      tokenRefused,
    );
  });

  it('names DISCORD_API_URL when a proxy answers Bad Gateway or refuses the connection', () => {
    const badGateway = Object.assign(new Error('Bad Gateway'), { status: 502 });
    expect(loginFailureMessage(badGateway, 'http://proxy:8080/api')).toContain(
      'through DISCORD_API_URL=http://proxy:8080/api (Bad Gateway)',
    );
    const refused = new TypeError('fetch failed', {
      cause: Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    });
    expect(loginFailureMessage(refused, 'http://127.0.0.1:9/api')).toContain(
      'DISCORD_API_URL=http://127.0.0.1:9/api',
    );
  });

  it('says Discord could not be reached, without naming a variable that is not set', () => {
    const down = Object.assign(new Error('getaddrinfo ENOTFOUND discord.com'), { code: 'ENOTFOUND' });
    const text = loginFailureMessage(down, undefined);
    expect(text).toMatch(/^Discord could not be reached \(getaddrinfo ENOTFOUND discord.com\)/);
    expect(text.split('\n')).toHaveLength(1);
  });
});

describe('fatalCloseMessage', () => {
  it('has a fix for every close code discord.js does not reconnect after, and none for recoverable ones', () => {
    for (const code of [4004, 4010, 4011, 4012, 4013, 4014]) expect(fatalCloseMessage(code)).toBeDefined();
    expect(fatalCloseMessage(4004)).toBe(tokenRefused);
    for (const code of [1000, 1006, 4000, 4007, 4009]) expect(fatalCloseMessage(code)).toBeUndefined();
  });
});
