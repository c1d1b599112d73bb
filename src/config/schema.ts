import { isAbsolute, resolve } from 'node:path';
import { z } from 'zod';
import { projectRoot } from './projectRoot.ts';

/** The pino levels LOG_LEVEL accepts. */
export const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof logLevels)[number];

/** What an unset (or blank) variable means. */
export const EnvDefaults = {
  KNOWLEDGE_DIR: 'knowledge',
  CACHE_DIR: '.cache',
  DATA_DIR: 'data',
  LOG_LEVEL: 'info',
  RATE_LIMIT_QUESTIONS: 5,
  RATE_LIMIT_WINDOW_SECONDS: 30,
  INTERACTIONS_HOST: '0.0.0.0',
} as const satisfies Record<string, string | number>;

/** `true`/`false` (also `1`/`0`, `yes`/`no`), default false. */
const flag = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => ['true', 'false', '1', '0', 'yes', 'no'].includes(value), {
      error: 'must be true or false',
    })
    .transform((value) => ['true', '1', 'yes'].includes(value))
    .default(false),
);

const snowflakePattern = /^\d{17,20}$/;

/** A line in `.env` like `DISCORD_GUILD_ID=` means "not set", not "set to nothing". */
function blankToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess(blankToUndefined, schema.optional());
}

function wholeNumber(min: number, max: number, fallback: number) {
  const message = `must be a whole number from ${min} to ${max}`;
  return z.preprocess(
    blankToUndefined,
    z
      .string({ error: message })
      .trim()
      .regex(/^\d+$/, { error: message })
      .transform(Number)
      .pipe(z.number().min(min, { error: message }).max(max, { error: message }))
      .default(fallback),
  );
}

/** Relative paths are taken from the project folder, like the default `knowledge/`. */
function folder(fallback: string) {
  return z.preprocess(
    blankToUndefined,
    z
      .string()
      .default(fallback)
      .transform((path) => (isAbsolute(path) ? path : resolve(projectRoot, path))),
  );
}

const tokenSchema = z
  .string({ error: 'must be a bot token' })
  .trim()
  // People paste the header form from examples; discord.js strips it too.
  .transform((token) => token.replace(/^Bot\s+/i, ''))
  .refine((token) => /^[\w.-]+$/.test(token), {
    error: 'must be the bot token from the Developer Portal (letters, digits, dots, dashes, underscores)',
  });

const apiUrlSchema = z
  .string()
  .trim()
  .refine((value) => URL.canParse(value) && /^https?:$/.test(new URL(value).protocol), {
    error: 'must be an http(s) URL such as http://127.0.0.1:8080/api',
  })
  .refine((value) => !/\/v\d+\/?$/.test(value), {
    error: 'must not end with the API version (/v10): discord.js adds it',
  })
  .transform((value) => value.replace(/\/+$/, ''));

const channelListSchema = z
  .string()
  .transform((list) =>
    list
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id !== ''),
  )
  .pipe(
    z.array(
      z.string().regex(snowflakePattern, {
        error: (issue) => `'${String(issue.input).slice(0, 40)}' is not a channel id (17–20 digits)`,
      }),
    ),
  );

/** A server URL of one of `protocols`; messages never repeat the value (it may hold a password). */
function serverUrl(protocols: readonly string[], example: string) {
  return z
    .string()
    .trim()
    .refine((value) => URL.canParse(value) && protocols.includes(new URL(value).protocol), {
      error: `must be a URL such as ${example}`,
    });
}

/** Discord's shard ids are array indexes; far more shards than the largest bots run. */
export const maxShardCount = 100_000;

const shardCountMessage = `must be auto or a whole number from 1 to ${maxShardCount}`;

/** `auto` (Discord's recommendation from `GET /gateway/bot`) or the total number of shards. */
const shardCountSchema = z
  .string({ error: shardCountMessage })
  .trim()
  .toLowerCase()
  .refine((value) => value === 'auto' || (/^\d+$/.test(value) && Number(value) >= 1), {
    error: shardCountMessage,
  })
  .transform((value) => (value === 'auto' ? ('auto' as const) : Number(value)))
  .refine((value) => value === 'auto' || value <= maxShardCount, { error: shardCountMessage });

/** `0-3`, `0,2` or `0-3,8`: the shard ids, sorted and without repeats. */
const shardIdsSchema = z.string().transform((list, context) => {
  const ids = new Set<number>();
  for (const part of list.split(',').map((item) => item.trim())) {
    if (part === '') continue;
    const range = /^(\d+)(?:\s*-\s*(\d+))?$/.exec(part);
    const first = Number(range?.[1]);
    const last = range?.[2] === undefined ? first : Number(range[2]);
    if (range === null || last >= maxShardCount) {
      context.addIssue({
        code: 'custom',
        message: `'${part.slice(0, 40)}' is not a shard id or a range of them (write 0-3 or 0,2)`,
      });
      return z.NEVER;
    }
    if (last < first) {
      context.addIssue({
        code: 'custom',
        message: `the range ${part} runs backwards (write ${last}-${first})`,
      });
      return z.NEVER;
    }
    for (let id = first; id <= last; id++) ids.add(id);
  }
  if (ids.size === 0) {
    context.addIssue({
      code: 'custom',
      message: 'names no shard (write 0-3 or 0,2, or leave it unset for all)',
    });
    return z.NEVER;
  }
  return [...ids].sort((a, b) => a - b);
});

/** The environment variables citebot reads, as one schema. Unknown variables are ignored. */
export const envSchema = z.object({
  DISCORD_TOKEN: optional(tokenSchema),
  DISCORD_GUILD_ID: optional(
    z.string().trim().regex(snowflakePattern, { error: 'must be a server id (17–20 digits)' }),
  ),
  DISCORD_API_URL: optional(apiUrlSchema),
  ANSWER_CHANNEL_IDS: z.preprocess(blankToUndefined, channelListSchema.optional()),
  KNOWLEDGE_DIR: folder(EnvDefaults.KNOWLEDGE_DIR),
  KNOWLEDGE_FOLLOW_OUTSIDE_LINKS: flag,
  CACHE_DIR: folder(EnvDefaults.CACHE_DIR),
  DATA_DIR: folder(EnvDefaults.DATA_DIR),
  LOG_LEVEL: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(logLevels, { error: `must be one of ${logLevels.join(', ')}` }).default(EnvDefaults.LOG_LEVEL),
  ),
  RATE_LIMIT_QUESTIONS: wholeNumber(1, 1000, EnvDefaults.RATE_LIMIT_QUESTIONS),
  RATE_LIMIT_WINDOW_SECONDS: wholeNumber(1, 86_400, EnvDefaults.RATE_LIMIT_WINDOW_SECONDS),
  DATABASE_URL: optional(
    serverUrl(['postgres:', 'postgresql:'], 'postgres://citebot:secret@127.0.0.1:5432/citebot'),
  ),
  REDIS_URL: optional(serverUrl(['redis:', 'rediss:'], 'redis://127.0.0.1:6379')),
  DISCORD_PUBLIC_KEY: optional(
    z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{64}$/, {
        error: 'must be the Public Key from the Developer Portal (64 hexadecimal characters)',
      })
      .transform((key) => key.toLowerCase()),
  ),
  INTERACTIONS_PORT: optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,5}$/, { error: 'must be a port number from 0 to 65535' })
      .transform(Number)
      .pipe(z.number().max(65_535, { error: 'must be a port number from 0 to 65535' })),
  ),
  INTERACTIONS_HOST: z.preprocess(blankToUndefined, z.string().trim().default(EnvDefaults.INTERACTIONS_HOST)),
  GATEWAY: z.preprocess(
    (value) => (typeof value === 'string' ? blankToUndefined(value.trim().toLowerCase()) : value),
    z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
  ),
  SHARD_COUNT: optional(shardCountSchema),
  SHARD_IDS: optional(shardIdsSchema),
});

/** The names of every variable the schema reads, in documentation order. */
export const envVariables = Object.keys(envSchema.shape) as (keyof typeof envSchema.shape)[];
