import { describe, expect, it } from 'vitest';
import { scrubSecrets } from '../src/secrets.ts';

// Shaped like a real bot token (base64 user id . timestamp . hmac); not a working one.
const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZa.abcdefghijklmnopqrstuvwxyz0123456789AB';

describe('scrubSecrets', () => {
  it('redacts interaction and webhook tokens inside REST paths', () => {
    const interactionToken = `aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmZha2U${'x'.repeat(60)}`;
    expect(scrubSecrets(`POST /interactions/123456789012345678/${interactionToken}/callback`, [])).toBe(
      'POST /interactions/123456789012345678/[REDACTED]/callback',
    );
  });

  it('scrubs anything shaped like a bot token, even one it was not given', () => {
    const other = 'NzkyNzE1NDU0MTk2MDg4ODQy.X-hvzA.Ovy4MCQywSkoMRRclStW4xAYK7I';
    expect(scrubSecrets(`token: ${other}, again:${token}.`, [])).toBe('token: [REDACTED], again:[REDACTED].');
    expect(scrubSecrets('version 1.2.3 and a.b.c stay', [])).toBe('version 1.2.3 and a.b.c stay');
  });

  it('still finds a token after Markdown escaping put backslashes into it (seen in an /ask embed)', () => {
    const underscored = 'MTU3NzQ3NzA3NTk2NTcwNjI0MQ.4ZKPeQ.mIZhxk7tF5vh9bS8ppd5X8lZ_tL837RNSR0ESA';
    const escaped = underscored.replace('_', '\\_');
    expect(scrubSecrets(`token ${escaped} for`, [])).toBe('token [REDACTED] for');
    expect(scrubSecrets(`secret: my\\_long\\_password!`, ['my_long_password'])).toBe('secret: [REDACTED]!');
  });

  it('replaces every occurrence and leaves short or missing secrets alone', () => {
    expect(scrubSecrets(`a ${token} b ${token}`, [token])).toBe('a [REDACTED] b [REDACTED]');
    expect(scrubSecrets('the cat sat', ['cat', undefined])).toBe('the cat sat');
  });
});
