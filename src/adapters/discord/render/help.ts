import { DefaultTuning } from '../../../config/index.ts';
import { type InterfaceLanguage, translate } from '../i18n/index.ts';
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
export function renderHelp(facts: HelpFacts, language: InterfaceLanguage = 'en'): Reply {
  const ways = (['help.ask', 'help.search', 'help.article', 'help.mention', 'help.contextMenu'] as const).map(
    (key) => translate(language, key),
  );
  if (facts.answerChannels.length > 0) {
    const channels = facts.answerChannels.map((id) => `<#${id}>`).join(', ');
    ways.push(translate(language, 'help.channels', { channels }));
  }
  const examples = facts.examples
    .slice(0, 5)
    .map((example) => translate(language, 'help.example', { example: safeLine(example, 100) }));
  const description =
    examples.length === 0
      ? ways.join('\n')
      : `${ways.join('\n')}\n\n**${translate(language, 'help.tryExamples')}**\n${examples.join('\n')}`;
  return finalize({
    embeds: [
      {
        title: translate(language, 'help.title'),
        description,
        color: DefaultTuning.answerColor,
        footer: {
          text: translate(language, 'help.footer', { count: facts.articles }),
        },
      },
    ],
    ephemeral: true,
  });
}
