import type { Interaction } from 'discord.js';
import { handleButton } from './buttons.ts';
import { messageCommands, slashCommands } from './commands/index.ts';
import type { BotContext } from './context.ts';
import { Notices } from './render/index.ts';
import { apologize, describeInteraction, sendNotice } from './respond.ts';

const slashByName = new Map(slashCommands.map((command) => [command.data.name, command]));
const messageByName = new Map(messageCommands.map((command) => [command.data.name, command]));

/**
 * Routes one interaction to its handler. Whatever a handler throws is logged and answered with an
 * ephemeral apology; this function itself never rejects.
 */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const command = slashByName.get(interaction.commandName);
      await (command?.autocomplete?.(interaction, ctx) ?? interaction.respond([]));
    } else if (interaction.isChatInputCommand()) {
      const command = slashByName.get(interaction.commandName);
      if (command === undefined) await sendNotice(interaction, Notices.unknownCommand);
      else await command.execute(interaction, ctx);
    } else if (interaction.isMessageContextMenuCommand()) {
      const command = messageByName.get(interaction.commandName);
      if (command === undefined) await sendNotice(interaction, Notices.unknownCommand);
      else await command.execute(interaction, ctx);
    } else if (interaction.isButton()) {
      await handleButton(interaction, ctx);
    } else {
      ctx.logger.debug(describeInteraction(interaction), 'discord: ignored interaction');
    }
  } catch (error) {
    await apologize(interaction, ctx.logger, error);
  }
}
