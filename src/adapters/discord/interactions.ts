import {
  ApplicationCommandOptionType,
  type ChatInputCommandInteraction,
  type Interaction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import { type MessageCommand, messageCommands, type SlashCommand, slashCommands } from './commands/index.ts';
import type { BotContext } from './context.ts';
import { handleButton } from './handleButton.ts';
import { languageOfLocale } from './i18n/index.ts';
import { isServerManager, refusal } from './preconditions.ts';
import { stripBotMention } from './questionText.ts';
import { noticeText, renderNotice } from './render/index.ts';
import { apologize, describeInteraction, respond, respondWithChoices } from './respond.ts';

const slashByName = new Map(slashCommands.map((command) => [command.data.name, command]));
const messageByName = new Map(messageCommands.map((command) => [command.data.name, command]));

/** The text a slash command acts on: its first required string option. */
function slashText(command: SlashCommand, interaction: ChatInputCommandInteraction): string | undefined {
  const option = command.data.options?.find(
    (o) => o.type === ApplicationCommandOptionType.String && 'required' in o && o.required,
  );
  return option === undefined ? undefined : (interaction.options.getString(option.name) ?? undefined);
}

/** Runs a command once its declared preconditions hold; otherwise answers with the refusal. */
async function runCommand(
  ctx: BotContext,
  interaction: ChatInputCommandInteraction | MessageContextMenuCommandInteraction,
  command: SlashCommand | MessageCommand,
  text: string | undefined,
): Promise<void> {
  const preconditions = command.preconditions ?? {};
  const isAdmin = isServerManager(interaction);
  const refused = await refusal(ctx, preconditions, {
    userId: interaction.user.id,
    isAdmin,
    language: languageOfLocale(interaction.locale),
    ...(text === undefined ? {} : { text }),
  });
  if (refused !== undefined) {
    if (preconditions.adminOnly && !isAdmin) {
      ctx.logger.warn(
        { guildId: interaction.guildId, command: command.data.name },
        'discord: admin command refused to a member without Manage Server',
      );
    }
    await respond(interaction, renderNotice(refused));
    return;
  }
  if (interaction.isChatInputCommand()) await (command as SlashCommand).execute(interaction, ctx);
  else await (command as MessageCommand).execute(interaction as MessageContextMenuCommandInteraction, ctx);
}

/**
 * Routes one interaction to its handler, after checking the command's preconditions. Whatever a
 * handler throws is logged and answered with an ephemeral apology; this function never rejects.
 */
export async function handleInteraction(interaction: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (interaction.isAutocomplete()) {
      const command = slashByName.get(interaction.commandName);
      await (command?.autocomplete?.(interaction, ctx) ?? respondWithChoices(interaction, []));
    } else if (interaction.isChatInputCommand()) {
      const command = slashByName.get(interaction.commandName);
      if (command === undefined)
        await respond(
          interaction,
          renderNotice(noticeText('unknownCommand', languageOfLocale(interaction.locale))),
        );
      else await runCommand(ctx, interaction, command, slashText(command, interaction));
    } else if (interaction.isMessageContextMenuCommand()) {
      const command = messageByName.get(interaction.commandName);
      // Over HTTP interactions there is no logged-in user; a bot's user id is its application's id.
      const botId = interaction.client.user?.id ?? interaction.applicationId;
      const text = stripBotMention(interaction.targetMessage.content, botId);
      if (command === undefined)
        await respond(
          interaction,
          renderNotice(noticeText('unknownCommand', languageOfLocale(interaction.locale))),
        );
      else await runCommand(ctx, interaction, command, text);
    } else if (interaction.isButton()) {
      await handleButton(interaction, ctx);
    } else {
      ctx.logger.debug(describeInteraction(interaction), 'discord: ignored interaction');
    }
  } catch (error) {
    ctx.metrics.errors.inc({ where: 'interaction' });
    await apologize(interaction, ctx.logger, error);
  }
}
