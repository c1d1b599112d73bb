import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  type ChatInputCommandInteraction,
  GatewayIntentBits,
  InteractionContextType,
  PermissionFlagsBits,
} from 'discord.js';
import type { BotContext } from '../context.ts';
import {
  type ChannelMode,
  channelModes,
  type GuildLanguage,
  guildLanguages,
  loadGuildSettings,
  SettingName,
} from '../guildSettings.ts';
import { messageContentMissing, type Reply, renderConfig, renderNotice } from '../render/index.ts';
import { respond } from '../respond.ts';
import type { SlashCommand } from './command.ts';

/** Whether the live gateway connection reads message content. */
function readsMessageContent(interaction: ChatInputCommandInteraction): boolean {
  return interaction.client.options.intents.has(GatewayIntentBits.MessageContent);
}

async function show(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: BotContext,
): Promise<Reply> {
  const settings = await loadGuildSettings(ctx.store, ctx.config, interaction.guildId);
  const channelIds = new Set(interaction.guild?.channels.cache.keys() ?? []);
  // Without a cached guild (raw), show every channel the settings name.
  if (interaction.guild === null) for (const id of settings.channels.keys()) channelIds.add(id);
  return renderConfig(settings, { channelIds, messageContent: readsMessageContent(interaction) });
}

async function put(
  ctx: BotContext,
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  name: string,
  value: unknown,
) {
  await ctx.store.putSetting({ guildId: interaction.guildId, name, value, setBy: interaction.user.id });
  ctx.logger.info({ guildId: interaction.guildId, setting: name }, 'discord: server setting changed');
}

async function change(
  interaction: ChatInputCommandInteraction<'cached' | 'raw'>,
  ctx: BotContext,
  subcommand: string,
): Promise<Reply> {
  switch (subcommand) {
    case 'channel': {
      const channel = interaction.options.getChannel('channel', true);
      const mode = interaction.options.getString('mode', true) as ChannelMode;
      await put(ctx, interaction, `${SettingName.channelPrefix}${channel.id}`, mode);
      const warning =
        (mode === 'questions' || mode === 'all') && !readsMessageContent(interaction)
          ? `\n${messageContentMissing}`
          : '';
      return renderNotice(`<#${channel.id}> is now \`${mode}\`.${warning}`);
    }
    case 'hide-by-default': {
      const enabled = interaction.options.getBoolean('enabled', true);
      await put(ctx, interaction, SettingName.hideByDefault, enabled);
      return renderNotice(
        enabled
          ? '`/ask` answers are now shown only to the asker unless they choose `hide: False`.'
          : '`/ask` answers are now public unless the asker chooses `hide: True`.',
      );
    }
    case 'helper-role': {
      const role = interaction.options.getRole('role');
      await put(ctx, interaction, SettingName.helperRole, role?.id);
      return renderNotice(
        role === null
          ? 'Answers no longer offer **Ask a human**.'
          : 'Answers now offer **Ask a human**, which pings that role (and nobody else) once per person and 10 minutes.',
      );
    }
    default: {
      const locale = interaction.options.getString('locale', true) as GuildLanguage;
      await put(ctx, interaction, SettingName.language, locale);
      return renderNotice(
        locale === 'auto'
          ? "Channel replies now follow the server's preferred language."
          : `Channel replies are now in \`${locale}\`.`,
      );
    }
  }
}

const choices = <T extends string>(values: readonly T[]) => values.map((value) => ({ name: value, value }));

/** `/config …`: per-server settings, for members who can manage the server. */
export const config: SlashCommand = {
  // Checked as well as `default_member_permissions`: a server can grant the command to anyone.
  preconditions: { adminOnly: true },
  data: {
    name: 'config',
    type: ApplicationCommandType.ChatInput,
    description: 'Settings of citebot in this server (server managers)',
    description_localizations: { de: 'Einstellungen von citebot auf diesem Server (Serververwaltung)' },
    default_member_permissions: PermissionFlagsBits.ManageGuild.toString(),
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'show',
        description: 'Every setting of this server and where it came from',
        description_localizations: { de: 'Alle Einstellungen dieses Servers und woher sie stammen' },
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'channel',
        description: 'Which messages citebot answers in a channel (and its threads)',
        description_localizations: {
          de: 'Welche Nachrichten citebot in einem Kanal (und seinen Threads) beantwortet',
        },
        options: [
          {
            type: ApplicationCommandOptionType.Channel,
            name: 'channel',
            description: 'A text or forum channel',
            required: true,
            channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum],
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'mode',
            description: 'off, mention (default), questions, or all',
            required: true,
            choices: choices(channelModes),
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'hide-by-default',
        description: 'Show /ask answers only to the asker unless they choose hide: False',
        description_localizations: {
          de: '/ask-Antworten nur der fragenden Person zeigen, außer bei hide: False',
        },
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'enabled',
            description: 'On or off',
            required: true,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'helper-role',
        description: 'The role an "Ask a human" button on answers pings; leave empty to remove the button',
        options: [{ type: ApplicationCommandOptionType.Role, name: 'role', description: 'The helpers' }],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'language',
        description: 'Language of replies to mentions and channel messages',
        description_localizations: { de: 'Sprache der Antworten auf Erwähnungen und Kanalnachrichten' },
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'locale',
            description: "auto (the server's preferred language), en or de",
            required: true,
            choices: choices(guildLanguages),
          },
        ],
      },
    ],
  },

  async execute(interaction, ctx) {
    if (!interaction.inGuild()) return;
    const subcommand = interaction.options.getSubcommand(true);
    const reply = subcommand === 'show' ? show(interaction, ctx) : change(interaction, ctx, subcommand);
    await respond(interaction, reply, { ephemeral: true, deferAfterMs: ctx.tuning.deferAfterMs });
  },
};
