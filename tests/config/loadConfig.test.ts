import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, configSecrets, parseConfig, projectRoot } from '../../src/config/index.ts';

const token = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GhXyZa.abcdefghijklmnopqrstuvwxyz0123456789AB';

function configError(env: Record<string, string>): ConfigError {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseConfig', () => {
  it('gives terminal mode defaults for an empty environment', () => {
    const config = parseConfig({});
    expect(config.discordToken).toBeUndefined();
    expect(config.answerChannelIds).toEqual([]);
    expect(config.knowledgeDir).toBe(join(projectRoot, 'knowledge'));
    expect(config.cacheDir).toBe(join(projectRoot, '.cache'));
    expect(config.dataDir).toBe(join(projectRoot, 'data'));
    expect(config.logLevel).toBe('info');
    expect(config.rateLimit).toEqual({ questions: 5, windowMs: 30_000 });
  });

  it('finds the project root from the source file, not the working directory', () => {
    expect(isAbsolute(projectRoot)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { name: string };
    expect(manifest.name).toBe('citebot');
  });

  it('treats blank lines from .env as unset', () => {
    const config = parseConfig({ DISCORD_TOKEN: '', ANSWER_CHANNEL_IDS: ' ', RATE_LIMIT_QUESTIONS: '' });
    expect(config.discordToken).toBeUndefined();
    expect(config.answerChannelIds).toEqual([]);
    expect(config.rateLimit.questions).toBe(5);
  });

  it('parses every variable when all are given', () => {
    const config = parseConfig({
      DISCORD_TOKEN: `Bot ${token}`,
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api/',
      ANSWER_CHANNEL_IDS: '123456789012345678, 223456789012345678,',
      KNOWLEDGE_DIR: '/srv/articles',
      KNOWLEDGE_FOLLOW_OUTSIDE_LINKS: 'true',
      CACHE_DIR: 'tmp/cache',
      DATA_DIR: '/var/lib/citebot',
      LOG_LEVEL: 'DEBUG',
      RATE_LIMIT_QUESTIONS: '3',
      RATE_LIMIT_WINDOW_SECONDS: '60',
      UNRELATED: 'ignored',
    });
    expect(config).toEqual({
      discordToken: token,
      discordGuildId: '123456789012345678',
      discordApiUrl: 'http://127.0.0.1:8080/api',
      answerChannelIds: ['123456789012345678', '223456789012345678'],
      knowledgeDir: '/srv/articles',
      followOutsideLinks: true,
      cacheDir: join(projectRoot, 'tmp/cache'),
      dataDir: '/var/lib/citebot',
      logLevel: 'debug',
      rateLimit: { questions: 3, windowMs: 60_000 },
      gateway: true,
    });
  });

  it('returns a frozen object', () => {
    const config = parseConfig({ ANSWER_CHANNEL_IDS: '123456789012345678' });
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.rateLimit)).toBe(true);
    expect(Object.isFrozen(config.answerChannelIds)).toBe(true);
  });

  it('names every bad variable in one message', () => {
    const error = configError({
      DISCORD_TOKEN: 'two words',
      DISCORD_GUILD_ID: '12',
      DISCORD_API_URL: 'ftp://example.com/api',
      ANSWER_CHANNEL_IDS: '123456789012345678,general',
      LOG_LEVEL: 'loud',
      RATE_LIMIT_QUESTIONS: '0',
      RATE_LIMIT_WINDOW_SECONDS: 'soon',
    });
    expect(error.problems.map((problem) => problem.variable)).toEqual([
      'DISCORD_TOKEN',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'ANSWER_CHANNEL_IDS',
      'LOG_LEVEL',
      'RATE_LIMIT_QUESTIONS',
      'RATE_LIMIT_WINDOW_SECONDS',
    ]);
    for (const problem of error.problems) expect(error.message).toContain(`${problem.variable}: `);
    expect(error.message).toContain("'general' is not a channel id");
    expect(error.message.split('\n')).toHaveLength(8);
    expect(error.stack ?? '').not.toContain('two words');
  });

  it('never repeats the token in its message', () => {
    const badToken = `${token} extra`;
    const error = configError({ DISCORD_TOKEN: badToken, LOG_LEVEL: token });
    expect(error.message).toContain('DISCORD_TOKEN');
    expect(error.message).not.toContain(token.slice(0, 20));
  });

  it('refuses an API URL that already ends with the version', () => {
    const error = configError({ DISCORD_API_URL: 'http://127.0.0.1:8080/api/v10' });
    expect(error.problems).toEqual([
      { variable: 'DISCORD_API_URL', message: expect.stringContaining('/v10') },
    ]);
  });

  it('reads DATABASE_URL and REDIS_URL, and refuses other schemes without repeating the value', () => {
    const config = parseConfig({
      DATABASE_URL: 'postgres://citebot:pw@127.0.0.1:5432/citebot',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config.databaseUrl).toBe('postgres://citebot:pw@127.0.0.1:5432/citebot');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(parseConfig({}).databaseUrl).toBeUndefined();
    const error = configError({ DATABASE_URL: 'mysql://u:hunter2@db/x', REDIS_URL: 'localhost:6379' });
    expect(error.problems.map((problem) => problem.variable)).toEqual(['DATABASE_URL', 'REDIS_URL']);
    expect(error.message).not.toContain('hunter2');
  });

  it('lists the token and the passwords inside server URLs as secrets to scrub', () => {
    const config = parseConfig({
      DISCORD_TOKEN: token,
      DATABASE_URL: 'postgres://citebot:p%40ss@127.0.0.1/citebot',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(configSecrets(config)).toEqual([token, 'p@ss']);
  });

  it('serves HTTP interactions only with both DISCORD_PUBLIC_KEY and INTERACTIONS_PORT, and GATEWAY=off only then', () => {
    const key = 'AB'.repeat(32);
    const config = parseConfig({ DISCORD_PUBLIC_KEY: key, INTERACTIONS_PORT: '8080', GATEWAY: 'OFF' });
    expect(config.interactions).toEqual({ publicKey: key.toLowerCase(), host: '0.0.0.0', port: 8080 });
    expect(config.gateway).toBe(false);
    expect(parseConfig({}).gateway).toBe(true);
    expect(configError({ DISCORD_PUBLIC_KEY: key }).problems).toEqual([
      { variable: 'DISCORD_PUBLIC_KEY', message: expect.stringContaining('INTERACTIONS_PORT') },
    ]);
    expect(
      configError({ INTERACTIONS_PORT: '8080', GATEWAY: 'off' }).problems.map((p) => p.variable),
    ).toEqual(['INTERACTIONS_PORT']);
    expect(configError({ GATEWAY: 'off' }).problems.map((p) => p.variable)).toEqual(['GATEWAY']);
    expect(
      configError({ DISCORD_PUBLIC_KEY: 'short', INTERACTIONS_PORT: '70000', GATEWAY: 'maybe' }).problems.map(
        (p) => p.variable,
      ),
    ).toEqual(['DISCORD_PUBLIC_KEY', 'INTERACTIONS_PORT', 'GATEWAY']);
  });
});
