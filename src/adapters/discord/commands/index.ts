import { answerWithCitebot } from './answerWithCitebot.ts';
import { article } from './article.ts';
import { ask } from './ask.ts';
import type { Command, MessageCommand, SlashCommand } from './command.ts';
import { config } from './config.ts';
import { help } from './help.ts';
import { kb } from './kb.ts';
import { search } from './search.ts';

export type { Command, MessageCommand, SlashCommand } from './command.ts';

/** The slash commands citebot serves. */
export const slashCommands: readonly SlashCommand[] = [ask, search, article, help, kb, config];

/** The message context-menu commands citebot serves. */
export const messageCommands: readonly MessageCommand[] = [answerWithCitebot];

/** Every command, in registration order: `npm run register` sends exactly this list. */
export const commands: readonly Command[] = [...slashCommands, ...messageCommands];
