import { parseArgs } from 'node:util';

/** What a terminal command was asked to do. */
export interface CliOptions {
  readonly command: 'ask' | 'search' | 'index' | 'eval';
  /** Knowledge folder from `--knowledge`, overriding KNOWLEDGE_DIR. */
  readonly knowledge?: string;
  readonly json: boolean;
  readonly limit?: number;
  /** `--questions FILE.jsonl` for eval. */
  readonly questions?: string;
  /** The question or query given as arguments; absent → read one per line from stdin. */
  readonly text?: string;
}

/** Usage text for the terminal commands. */
export const USAGE = `usage:
  npm run ask    -- [--knowledge DIR] [--json] [--limit N] [QUESTION]
  npm run search -- [--knowledge DIR] [--json] [--limit N] [QUERY]
  npm run index  -- [--knowledge DIR]
  npm run eval   -- [--knowledge DIR] --questions FILE.jsonl [--json]
Without QUESTION/QUERY, one is read per line from standard input.`;

/**
 * Parses `cli.ts COMMAND [options] [words…]`.
 *
 * @throws Error with a one-line reason (print it with {@link USAGE})
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const [command, ...rest] = argv;
  if (command !== 'ask' && command !== 'search' && command !== 'index' && command !== 'eval') {
    throw new Error(`unknown command '${command ?? ''}'`);
  }
  const { values, positionals } = parseArgs({
    args: [...rest],
    allowPositionals: true,
    options: {
      knowledge: { type: 'string', short: 'k' },
      json: { type: 'boolean', default: false },
      limit: { type: 'string', short: 'n' },
      questions: { type: 'string', short: 'q' },
    },
  });
  let limit: number | undefined;
  if (values.limit !== undefined) {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      throw new Error('--limit must be a whole number from 1 to 50');
  }
  if (command === 'eval' && !values.questions) throw new Error('eval needs --questions FILE.jsonl');
  const text = positionals.join(' ').trim();
  return {
    command,
    json: values.json ?? false,
    ...(values.knowledge ? { knowledge: values.knowledge } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(values.questions ? { questions: values.questions } : {}),
    ...(text ? { text } : {}),
  };
}
