import path from 'node:path';
import { parseArgs } from 'node:util';

/** What one benchmark run measures. */
export interface BenchOptions {
  readonly knowledge: string;
  /** Question files: JSONL with `q` (the dev set) or plain text, one question per line. */
  readonly queries: readonly string[];
  /** Shares of the corpus to measure, smallest first. */
  readonly fractions: readonly number[];
  /** Timed rounds over the questions for our engine (the baselines get one). */
  readonly rounds: number;
  /** Where the JSON results go. */
  readonly out: string;
  /** Working folder for corpus subsets and caches. */
  readonly work: string;
  readonly baselines: boolean;
}

const USAGE = `usage: npm run bench -- [--knowledge DIR] [--queries FILE]... [--fractions 1/8,1/4,1/2,1]
                       [--rounds N] [--out FILE] [--no-baselines]`;

/** Parses the command line of `npm run bench`. @throws Error with the usage on a bad argument */
export function parseBenchArgs(argv: readonly string[], root: string): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      knowledge: { type: 'string', default: path.join(root, '.bench', 'handbook') },
      queries: { type: 'string', multiple: true },
      fractions: { type: 'string', default: '1/8,1/4,1/2,1' },
      rounds: { type: 'string', default: '3' },
      out: { type: 'string', default: path.join(root, '.bench', 'results.json') },
      'no-baselines': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(USAGE);
  const fractions = values.fractions.split(',').map(parseFraction);
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1)
    throw new Error(`bench: --rounds must be a whole number ≥ 1\n${USAGE}`);
  return {
    knowledge: path.resolve(values.knowledge),
    // Long natural questions: the Python FAQ dev set and GNOME Help descriptions in four languages.
    queries: values.queries ?? [
      path.join(root, '..', 'shared', 'eval', 'python-faq', 'questions.jsonl'),
      path.join(root, 'bench', 'questions-gnome.jsonl'),
    ],
    fractions: fractions.sort((a, b) => a - b),
    rounds,
    out: path.resolve(values.out),
    work: path.join(root, '.bench', 'work'),
    baselines: !values['no-baselines'],
  };
}

function parseFraction(text: string): number {
  const [a, b = '1'] = text.trim().split('/');
  const value = Number(a) / Number(b);
  if (!(value > 0 && value <= 1)) throw new Error(`bench: bad fraction '${text}'\n${USAGE}`);
  return value;
}
