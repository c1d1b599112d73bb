import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config/index.ts';
import { createLogger } from '../src/logger.ts';

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

describe('createLogger with a broken destination', () => {
  it('drops the stream after its first failure, notes it once and never throws', () => {
    let attempts = 0;
    const notes: string[] = [];
    const logger = createLogger({
      level: 'info',
      destination: {
        write: () => {
          attempts += 1;
          throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
        },
      },
      notice: { write: (line: string) => notes.push(line) },
    });
    for (let i = 0; i < 100; i++) logger.error({ i }, 'still logging');
    expect(attempts).toBe(1);
    expect(notes).toEqual([
      'citebot: standard output is closed (EPIPE); log lines are dropped from now on\n',
    ]);
  });

  it('stops writing once the stream emits an error event, even if the notice fails too', () => {
    const written: string[] = [];
    let onError: (error: Error) => void = () => {};
    const logger = createLogger({
      level: 'info',
      destination: {
        write: (line: string) => written.push(line),
        on: (_event, listener) => (onError = listener),
      },
      notice: {
        write: () => {
          throw new Error('stderr is gone too');
        },
      },
    });
    logger.info('one');
    onError(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    logger.info('two');
    expect(written).toHaveLength(1);
  });
});

describe('createLogger, readable format', () => {
  it('writes one short line per entry with the level, message and fields, never JSON', () => {
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination, format: 'readable' }).warn(
      { shardId: 0, code: 4004 },
      'closed',
    );
    expect(lines[0]).toMatch(/^\d\d:\d\d:\d\d WARN {2}closed shardId=0 code=4004\n$/);
  });
});

describe('createLogger and interaction tokens', () => {
  it('redacts interaction and webhook tokens inside REST paths (err.url)', () => {
    const interactionToken = `aW50ZXJhY3Rpb246MTIzNDU2Nzg5MDEyMzQ1Njc4OmZha2U${'x'.repeat(60)}`;
    const url = `https://discord.com/api/v10/interactions/123456789012345678/${interactionToken}/callback`;
    const edit = `PATCH /webhooks/876543210987654321/${interactionToken}/messages/@original`;
    const { lines, destination } = capture();
    createLogger({ level: 'info', destination }).error({ err: { url, message: edit } }, 'failed');
    expect(lines[0]).not.toContain(interactionToken);
    expect(lines[0]).toContain('/interactions/123456789012345678/[REDACTED]/callback');
    expect(lines[0]).toContain('/webhooks/876543210987654321/[REDACTED]/messages/@original');
  });
});
