import { DefaultTuning } from '../../../config/index.ts';
import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

/** What `/help` shows besides the fixed text. */
export interface HelpFacts {
  /** Example questions or article titles from the loaded knowledge. */
  readonly examples: readonly string[];
  readonly articles: number;
  /** Whether some channels answer questions without a mention. */
  readonly answerChannels: readonly string[];
}

/** How to ask citebot, with examples drawn from the loaded knowledge. */
export function renderHelp(facts: HelpFacts): Reply {
  const ways = [
    '`/ask question:` — an answer with cited snippets from the articles. `hide:True` shows it only to you; `mention:` points it at someone.',
    '`/search query:` — the best passage of each matching article, page by page.',
    '`/article name:` — one article: its opening, source, language and link.',
    '**@mention** me with a question, or send me a **DM** — I reply to your message.',
    'Right-click a message → **Apps → Answer with citebot** — I answer that message as a reply.',
  ];
  if (facts.answerChannels.length > 0) {
    const channels = facts.answerChannels.map((id) => `<#${id}>`).join(', ');
    ways.push(`In ${channels} I answer questions without a mention.`);
  }
  const examples = facts.examples.slice(0, 5).map((example) => `• /ask question: ${safeLine(example, 100)}`);
  const description =
    examples.length === 0
      ? ways.join('\n')
      : `${ways.join('\n')}\n\n**Try for example**\n${examples.join('\n')}`;
  return finalize({
    embeds: [
      {
        title: 'How to ask citebot',
        description,
        color: DefaultTuning.answerColor,
        footer: {
          text: `${facts.articles} articles loaded · answers quote the articles and cite their sources`,
        },
      },
    ],
    ephemeral: true,
  });
}
