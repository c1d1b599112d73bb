import { createInterface } from 'node:readline';
import type { KnowledgeService } from '../../core/operations.ts';
import { formatAnswer, formatArticle, formatSearch } from './formatText.ts';
import { watchOutput } from './outputGone.ts';

/** The streams of a local session. */
export interface ReplIo {
  readonly input: NodeJS.ReadableStream;
  readonly output: NodeJS.WritableStream;
  readonly errorOutput: NodeJS.WritableStream;
}

const HELP = `Type a question and press Enter. Also:
  /search WORDS    ranked articles for WORDS
  /article NAME    one article (by title or file name)
  /help            this text
  /quit            leave (or Ctrl-D)`;

/**
 * Local mode: answers questions typed in a terminal. On a TTY it prompts interactively; with
 * input from a pipe or file it answers each line in order and returns at the end of input.
 */
export async function runRepl(service: KnowledgeService, io: ReplIo): Promise<void> {
  const interactive = (io.input as NodeJS.ReadStream).isTTY === true;
  const style = { color: interactive && (io.output as NodeJS.WriteStream).isTTY === true };
  const output = watchOutput(io.output);
  const rl = createInterface({
    input: io.input,
    output: interactive ? io.output : undefined,
    terminal: interactive,
    signal: output.signal,
  });
  const write = (text: string) => {
    if (!output.signal.aborted) io.output.write(`${text}\n`);
  };
  if (interactive) {
    rl.setPrompt('? ');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line === '/quit' || line === '/exit') break;
    if (line) {
      try {
        write(await respond(service, line, style));
      } catch (error) {
        io.errorOutput.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
      }
    }
    if (output.signal.aborted) break;
    if (interactive) rl.prompt();
  }
  rl.close();
  output.dispose();
}

async function respond(service: KnowledgeService, line: string, style: { color: boolean }): Promise<string> {
  const [command, ...words] = line.split(/\s+/);
  const rest = words.join(' ');
  switch (command) {
    case '/help':
      return HELP;
    case '/search':
      return rest ? formatSearch(await service.search(rest), style) : 'Usage: /search WORDS';
    case '/article':
      return rest ? formatArticle(await service.article(rest), rest, style) : 'Usage: /article NAME';
    default:
      // `/articel foo` is a typo of a command, not a question.
      if (command?.startsWith('/')) return 'unknown command — try /help';
      return `${formatAnswer(await service.ask(line), style)}\n`;
  }
}

/** The banner shown when `npm start` runs without a Discord token. */
export function localBanner(articles: number, passages: number): string {
  return [
    `citebot — local mode: ${articles} articles, ${passages} passages.`,
    'To serve Discord, put DISCORD_TOKEN=… in .env (see README, "Deploying") and run npm start again.',
    'Ask a question, or /help.',
  ].join('\n');
}
