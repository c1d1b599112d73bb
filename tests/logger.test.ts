import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/index.ts';
import { createLogger, scrubSecrets } from '../src/logger.ts';

// Shaped like a real bot token (base64 user id . timestamp . hmac); not a working one.
const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZa.abcdefghijklmnopqrstuvwxyz0123456789AB';

function capture() {
  const lines: string[] = [];
  return { lines, destination: { write: (line: string) => lines.push(line) } };
}

describe('createLogger', () => {
  it('never prints the token when logging the config and an error that carries it', () => {
    const { lines, destination } = capture();
    const config = parseConfig({ DISCORD_TOKEN: token });
    const logger = createLogger({ level: 'trace', secrets: [config.discordToken], destination });

    const error = new Error(`request failed: Authorization: Bot ${token}`);
    error.stack = `Error: boom ${token}\n    at login (client.js:1:1)`;
    logger.info({ config }, 'starting');
    logger.error({ err: error }, `login failed for ${token}`);
    logger.warn({ request: { headers: { authorization: `Bot ${token}` } }, nested: { deep: { t: token } } });
    logger.debug(`debug ${token.slice(0, 30)}${token.slice(30)}`);

    const output = lines.join('');
    expect(lines).toHaveLength(4);
    expect(output).not.toContain(token);
    expect(output).toContain('[REDACTED]');
    // The rest of the message survives the scrub.
    expect(output).toContain('login failed for');
    expect(output).toContain('client.js:1:1');
  });

  it('writes structured JSON lines with the level and message', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).info({ guildId: '1' }, 'hello');
    const line = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: 'hello', guildId: '1', app: 'citebot' });
  });

  it('drops lines below the configured level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'warn', destination });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines).toHaveLength(1);
  });
});

describe('scrubSecrets', () => {
  it('replaces every occurrence and leaves short or missing secrets alone', () => {
    expect(scrubSecrets(`a ${token} b ${token}`, [token])).toBe('a [REDACTED] b [REDACTED]');
    expect(scrubSecrets('the cat sat', ['cat', undefined])).toBe('the cat sat');
  });
});
