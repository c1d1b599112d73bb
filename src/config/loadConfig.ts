import type { z } from 'zod';
import type { LogLevel } from './schema.ts';
import { envSchema, envVariables } from './schema.ts';

/** citebot's configuration, parsed once from the environment at start-up. */
export interface Config {
  /** Absent → terminal mode. */
  readonly discordToken?: string;
  /** Register commands to this one server (instant, for development) instead of globally. */
  readonly discordGuildId?: string;
  /** REST base (a proxy, or a fake in tests), passed to discord.js as `rest.api`. */
  readonly discordApiUrl?: string;
  /** Channels where question-like messages are answered without a mention. */
  readonly answerChannelIds: readonly string[];
  readonly knowledgeDir: string;
  /** Index files that symbolic links in the knowledge folder point to outside it (default false). */
  readonly followOutsideLinks: boolean;
  readonly cacheDir: string;
  /** Feedback and unanswered-question logs (git-ignored). */
  readonly dataDir: string;
  readonly logLevel: LogLevel;
  readonly rateLimit: {
    /** Questions one user may ask within the window. */
    readonly questions: number;
    readonly windowMs: number;
  };
  /** PostgreSQL for durable state (settings, votes, unanswered, aliases); absent → SQLite in dataDir. */
  readonly databaseUrl?: string;
  /** Redis for state shared by replicas (rate limits, button state, reloads); absent → in-process. */
  readonly redisUrl?: string;
  /** Discord's HTTP interactions endpoint: served when DISCORD_PUBLIC_KEY and INTERACTIONS_PORT are set. */
  readonly interactions?: {
    /** The application's Ed25519 public key, hex. */
    readonly publicKey: string;
    readonly host: string;
    /** 0 lets the system pick a free port. */
    readonly port: number;
  };
  /** Whether to connect to the gateway (needs DISCORD_TOKEN); false makes a pure HTTP replica. */
  readonly gateway: boolean;
  /**
   * Gateway sharding (SHARD_COUNT, SHARD_IDS): the shards run in worker threads of this process.
   * Absent → one shard on the main thread, as a bot in under 2,500 servers needs.
   */
  readonly shards?: ShardPlan;
}

/** Which gateway shards this process runs. */
export interface ShardPlan {
  /** Shards across every process of the bot; `auto` = the `shards` Discord's `GET /gateway/bot` recommends. */
  readonly count: number | 'auto';
  /** The shards this process runs, sorted; absent → all of them. Only with a numeric count. */
  readonly ids?: readonly number[];
}

/** One problem per variable, so the operator can fix them all in one go. */
export interface ConfigProblem {
  readonly variable: string;
  readonly message: string;
}

/** Start-up configuration was unusable; `message` lists every bad variable by name. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    const lines = problems.map((problem) => `  - ${problem.variable}: ${problem.message}`);
    super(`config: cannot start, fix these in .env or the environment:\n${lines.join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

function problemsOf(error: z.ZodError): ConfigProblem[] {
  const byVariable = new Map<string, string[]>();
  for (const issue of error.issues) {
    const variable = String(issue.path[0] ?? 'environment');
    const messages = byVariable.get(variable) ?? [];
    if (!messages.includes(issue.message)) messages.push(issue.message);
    byVariable.set(variable, messages);
  }
  const order = (name: string) => {
    const index = envVariables.indexOf(name as (typeof envVariables)[number]);
    return index === -1 ? envVariables.length : index;
  };
  return [...byVariable]
    .sort(([a], [b]) => order(a) - order(b))
    .map(([variable, messages]) => ({ variable, message: messages.join('; ') }));
}

function deepFreeze<T extends object>(value: T): T {
  for (const child of Object.values(value)) {
    if (typeof child === 'object' && child !== null) deepFreeze(child);
  }
  return Object.freeze(value);
}

/**
 * Parses the environment into a frozen {@link Config}. The only place citebot reads environment
 * variables; messages never repeat the token.
 *
 * @throws {ConfigError} naming every variable with a bad value.
 */
export function parseConfig(env: Readonly<Record<string, string | undefined>>): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) throw new ConfigError(problemsOf(result.error));
  const vars = result.data;
  const together = (variable: string, other: string): ConfigProblem => ({
    variable,
    message: `needs ${other} too: the HTTP interactions endpoint is served when both are set`,
  });
  const problems: ConfigProblem[] = [];
  if (vars.DISCORD_PUBLIC_KEY !== undefined && vars.INTERACTIONS_PORT === undefined) {
    problems.push(together('DISCORD_PUBLIC_KEY', 'INTERACTIONS_PORT'));
  }
  if (vars.INTERACTIONS_PORT !== undefined && vars.DISCORD_PUBLIC_KEY === undefined) {
    problems.push(together('INTERACTIONS_PORT', 'DISCORD_PUBLIC_KEY'));
  }
  if (vars.GATEWAY === 'off' && vars.INTERACTIONS_PORT === undefined) {
    problems.push({
      variable: 'GATEWAY',
      message:
        'off leaves nothing to serve: set INTERACTIONS_PORT and DISCORD_PUBLIC_KEY for an HTTP replica',
    });
  }
  problems.push(...shardProblems(vars.SHARD_COUNT, vars.SHARD_IDS));
  if (problems.length > 0) throw new ConfigError(problems);
  return deepFreeze({
    ...(vars.DISCORD_TOKEN === undefined ? {} : { discordToken: vars.DISCORD_TOKEN }),
    ...(vars.DISCORD_GUILD_ID === undefined ? {} : { discordGuildId: vars.DISCORD_GUILD_ID }),
    ...(vars.DISCORD_API_URL === undefined ? {} : { discordApiUrl: vars.DISCORD_API_URL }),
    answerChannelIds: vars.ANSWER_CHANNEL_IDS ?? [],
    knowledgeDir: vars.KNOWLEDGE_DIR,
    followOutsideLinks: vars.KNOWLEDGE_FOLLOW_OUTSIDE_LINKS,
    cacheDir: vars.CACHE_DIR,
    dataDir: vars.DATA_DIR,
    logLevel: vars.LOG_LEVEL,
    rateLimit: {
      questions: vars.RATE_LIMIT_QUESTIONS,
      windowMs: vars.RATE_LIMIT_WINDOW_SECONDS * 1000,
    },
    ...(vars.DATABASE_URL === undefined ? {} : { databaseUrl: vars.DATABASE_URL }),
    ...(vars.REDIS_URL === undefined ? {} : { redisUrl: vars.REDIS_URL }),
    ...(vars.DISCORD_PUBLIC_KEY === undefined || vars.INTERACTIONS_PORT === undefined
      ? {}
      : {
          interactions: {
            publicKey: vars.DISCORD_PUBLIC_KEY,
            host: vars.INTERACTIONS_HOST,
            port: vars.INTERACTIONS_PORT,
          },
        }),
    gateway: vars.GATEWAY === 'on',
    ...(vars.SHARD_COUNT === undefined
      ? {}
      : {
          shards: {
            count: vars.SHARD_COUNT,
            ...(vars.SHARD_IDS === undefined ? {} : { ids: vars.SHARD_IDS }),
          },
        }),
  });
}

/** SHARD_IDS needs the total it is a part of, and every id is below it. */
function shardProblems(
  count: number | 'auto' | undefined,
  ids: readonly number[] | undefined,
): ConfigProblem[] {
  if (ids === undefined) return [];
  if (count === undefined) {
    return [
      {
        variable: 'SHARD_IDS',
        message: 'needs SHARD_COUNT too: the number of shards across all machines (or auto)',
      },
    ];
  }
  if (count === 'auto') {
    return [
      {
        variable: 'SHARD_IDS',
        message:
          'needs a fixed SHARD_COUNT (a number): with auto, machines started at different times can be told different counts and split the servers differently',
      },
    ];
  }
  const outside = ids.filter((id) => id >= count);
  if (outside.length === 0) return [];
  const named = outside.length > 3 ? `${outside.slice(0, 3).join(', ')}, …` : outside.join(', ');
  return [
    {
      variable: 'SHARD_IDS',
      message: `${outside.length === 1 ? 'shard' : 'shards'} ${named} ${outside.length === 1 ? 'is' : 'are'} not below SHARD_COUNT=${count}: ids run from 0 to ${Number(count) - 1}`,
    },
  ];
}
