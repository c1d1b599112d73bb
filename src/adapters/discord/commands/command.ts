import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
} from 'discord.js';
import type { BotContext } from '../context.ts';
import type { Preconditions } from '../preconditions.ts';

/**
 * A slash command: its registration JSON, what it requires (checked by the router before
 * `execute`; `needsText` looks at its first required string option) and its handler, plus
 * autocomplete when it has any.
 */
export interface SlashCommand {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  readonly preconditions?: Preconditions;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}

/**
 * A message context-menu command ("Apps" on a message); `needsText` looks at the target message's
 * text without the bot's mention.
 */
export interface MessageCommand {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  readonly preconditions?: Preconditions;
  execute(interaction: MessageContextMenuCommandInteraction, ctx: BotContext): Promise<void>;
}

export type Command = SlashCommand | MessageCommand;
