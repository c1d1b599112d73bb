import { parseArgs } from 'node:util';

/** The terminal commands. */
export type CliCommand = 'ask' | 'search' | 'index' | 'eval';

/** What a terminal command was asked to do. */
export interface CliOptions {
  readonly command: CliCommand;
  /** `--help`: print the command's usage and do nothing else. */
  readonly help: boolean;
  /** Knowledge folder from `--knowledge`, overriding KNOWLEDGE_DIR. */
  readonly knowledge?: string;
  readonly json: boolean;
  readonly limit?: number;
  /** `--questions FILE.jsonl` for eval. */
  readonly questions?: string;
  /** The question or query given as arguments; absent → read one per line from stdin. */
  readonly text?: string;
}

/** A bad command line: the reason in one line; print {@link usage} after it, exit 2. */
export class UsageError extends Error {
  readonly command: CliCommand | undefined;

  constructor(message: string, command: CliCommand | undefined) {
    super(message);
    this.command = command;
  }
}

interface Flag {
  readonly name: 'knowledge' | 'json' | 'limit' | 'questions' | 'help';
  readonly short?: string;
  readonly value?: string;
  readonly text: string;
}

const flags = {
  knowledge: {
    name: 'knowledge',
    short: 'k',
    value: 'DIR',
    text: 'folder of articles (default: KNOWLEDGE_DIR, else knowledge/)',
  },
  json: { name: 'json', text: 'one JSON object per line on standard output (use npm run --silent)' },
  limit: { name: 'limit', short: 'n', value: 'N', text: 'how many results, 1 to 50' },
  questions: {
    name: 'questions',
    short: 'q',
    value: 'FILE',
    text: 'JSONL file of {"q", "gold", "lang"?} lines',
  },
  help: { name: 'help', short: 'h', text: 'show this help' },
} as const satisfies Record<string, Flag>;

const commands: Record<CliCommand, { readonly args: string; readonly what: string; readonly flags: Flag[] }> =
  {
    ask: {
      args: '[QUESTION]',
      what: 'Answers QUESTION with cited snippets; without it, each line of standard input is one question.',
      flags: [
        flags.knowledge,
        flags.json,
        { ...flags.limit, text: 'citations per answer, 1 to 50' },
        flags.help,
      ],
    },
    search: {
      args: '[QUERY]',
      what: 'Lists the best-matching articles (one row each); without QUERY, each line of standard input is one query.',
      flags: [
        flags.knowledge,
        flags.json,
        { ...flags.limit, text: 'articles to list, 1 to 50 (default 10)' },
        flags.help,
      ],
    },
    index: {
      args: '',
      what: 'Builds (or validates) the index cache and reports articles, passages, languages and skipped files.',
      flags: [flags.knowledge, flags.help],
    },
    eval: {
      args: '',
      what: 'Scores retrieval (hit@1, hit@3, MRR@10) over a question file, overall and per language.',
      flags: [
        flags.knowledge,
        { ...flags.questions, text: `${flags.questions.text} (required)` },
        flags.json,
        flags.help,
      ],
    },
  };

function isCommand(name: string | undefined): name is CliCommand {
  return name !== undefined && Object.hasOwn(commands, name);
}

/** The usage of one command with every flag it takes, or of all commands. */
export function usage(command?: CliCommand): string {
  if (command === undefined) {
    const lines = Object.entries(commands).map(([name, c]) =>
      `  npm run ${name.padEnd(6)} -- [options] ${c.args}`.trimEnd(),
    );
    return ['usage:', ...lines, 'Run a command with --help to see its options.'].join('\n');
  }
  const spec = commands[command];
  const rows = spec.flags.map((flag) => {
    const long = `--${flag.name}${flag.value ? ` ${flag.value}` : ''}`;
    const short = flag.short ? `, -${flag.short}${flag.value ? ` ${flag.value}` : ''}` : '';
    return `  ${`${long}${short}`.padEnd(26)} ${flag.text}`;
  });
  return [
    `usage: npm run ${command} -- [options] ${spec.args}`.trimEnd(),
    spec.what,
    'options:',
    ...rows,
  ].join('\n');
}

/** Levenshtein distance, for "did you mean". */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function unknownOption(option: string, command: CliCommand): UsageError {
  const name = option.replace(/^-+/, '').split('=')[0] ?? '';
  const known = commands[command].flags.map((flag) => flag.name);
  const closest = known
    .map((candidate) => ({ candidate, d: distance(name, candidate) }))
    .sort((a, b) => a.d - b.d)[0];
  const hint = closest !== undefined && closest.d <= 2 ? ` (did you mean --${closest.candidate}?)` : '';
  return new UsageError(`unknown option ${option.split('=')[0]}${hint}`, command);
}

/**
 * Parses `cli.ts COMMAND [options] [words…]`: only the options of that command are accepted.
 *
 * @throws {UsageError} with a one-line reason (an unknown option suggests the closest one)
 */
export function parseCliArgs(argv: readonly string[]): CliOptions {
  const [command, ...rest] = argv;
  if (!isCommand(command)) throw new UsageError(`unknown command '${command ?? ''}'`, undefined);
  const options = Object.fromEntries(
    commands[command].flags.map((flag) => [
      flag.name,
      { type: flag.value ? 'string' : 'boolean', ...(flag.short ? { short: flag.short } : {}) } as const,
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...rest], allowPositionals: true, strict: true, options });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'([^']+)'/.exec((error as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined)
      throw unknownOption(option, command);
    throw new UsageError((error as Error).message.split('\n')[0] ?? 'bad arguments', command);
  }
  const values = parsed.values as Partial<Record<Flag['name'], string | boolean>>;
  const help = values.help === true;
  let limit: number | undefined;
  if (typeof values.limit === 'string') {
    limit = Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 50)
      throw new UsageError('--limit must be a whole number from 1 to 50', command);
  }
  if (command === 'eval' && !values.questions && !help)
    throw new UsageError('eval needs --questions FILE.jsonl', command);
  const text = parsed.positionals.join(' ').trim();
  return {
    command,
    help,
    json: values.json === true,
    ...(typeof values.knowledge === 'string' && values.knowledge ? { knowledge: values.knowledge } : {}),
    ...(limit !== undefined ? { limit } : {}),
    ...(typeof values.questions === 'string' && values.questions ? { questions: values.questions } : {}),
    ...(text ? { text } : {}),
  };
}
