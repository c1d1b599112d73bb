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
import { type InterfaceLanguage, languageOfLocale, translate } from '../i18n/index.ts';
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
  language: InterfaceLanguage,
): Promise<Reply> {
  const settings = await loadGuildSettings(ctx.store, ctx.config, interaction.guildId);
  const channelIds = new Set(interaction.guild?.channels.cache.keys() ?? []);
  // Without a cached guild (raw), show every channel the settings name.
  if (interaction.guild === null) for (const id of settings.channels.keys()) channelIds.add(id);
  return renderConfig(settings, { channelIds, messageContent: readsMessageContent(interaction) }, language);
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
  language: InterfaceLanguage,
): Promise<Reply> {
  const t = (key: Parameters<typeof translate>[1], values?: Readonly<Record<string, string>>) =>
    translate(language, key, values);
  switch (subcommand) {
    case 'channel': {
      const channel = interaction.options.getChannel('channel', true);
      const mode = interaction.options.getString('mode', true) as ChannelMode;
      await put(ctx, interaction, `${SettingName.channelPrefix}${channel.id}`, mode);
      const warning =
        (mode === 'questions' || mode === 'all') && !readsMessageContent(interaction)
          ? `\n${messageContentMissing(language)}`
          : '';
      return renderNotice(`${t('config.channelSet', { channel: `<#${channel.id}>`, mode })}${warning}`);
    }
    case 'hide-by-default': {
      const enabled = interaction.options.getBoolean('enabled', true);
      await put(ctx, interaction, SettingName.hideByDefault, enabled);
      return renderNotice(t(enabled ? 'config.hideOn' : 'config.hideOff'));
    }
    case 'helper-role': {
      const role = interaction.options.getRole('role');
      await put(ctx, interaction, SettingName.helperRole, role?.id);
      return renderNotice(t(role === null ? 'config.helperOff' : 'config.helperOn'));
    }
    default: {
      const locale = interaction.options.getString('locale', true) as GuildLanguage;
      await put(ctx, interaction, SettingName.language, locale);
      return renderNotice(locale === 'auto' ? t('config.languageAuto') : t('config.languageSet', { locale }));
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
        name_localizations: { de: 'anzeigen' },
        description: 'Every setting of this server and where it came from',
        description_localizations: { de: 'Alle Einstellungen dieses Servers und woher sie stammen' },
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'channel',
        name_localizations: { de: 'kanal' },
        description: 'Which messages citebot answers in a channel (and its threads)',
        description_localizations: {
          de: 'Welche Nachrichten citebot in einem Kanal (und seinen Threads) beantwortet',
        },
        options: [
          {
            type: ApplicationCommandOptionType.Channel,
            name: 'channel',
            name_localizations: { de: 'kanal' },
            description: 'A text or forum channel',
            description_localizations: { de: 'Ein Text- oder Forumkanal' },
            required: true,
            channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement, ChannelType.GuildForum],
          },
          {
            type: ApplicationCommandOptionType.String,
            name: 'mode',
            name_localizations: { de: 'modus' },
            description: 'off, mention (default), questions, or all',
            description_localizations: { de: 'off, mention (Standard), questions oder all' },
            required: true,
            choices: choices(channelModes),
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'hide-by-default',
        name_localizations: { de: 'standardmäßig-verbergen' },
        description: 'Show /ask answers only to the asker unless they choose hide: False',
        description_localizations: {
          de: '/ask-Antworten nur der fragenden Person zeigen, außer bei hide: False',
        },
        options: [
          {
            type: ApplicationCommandOptionType.Boolean,
            name: 'enabled',
            name_localizations: { de: 'aktiv' },
            description: 'On or off',
            description_localizations: { de: 'An oder aus' },
            required: true,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'helper-role',
        name_localizations: { de: 'helfer-rolle' },
        description: 'The role an "Ask a human" button on answers pings; leave empty to remove the button',
        description_localizations: {
          de: 'Die Rolle, die „Einen Menschen fragen“ pingt; leer lassen entfernt den Button',
        },
        options: [
          {
            type: ApplicationCommandOptionType.Role,
            name: 'role',
            name_localizations: { de: 'rolle' },
            description: 'The helpers',
            description_localizations: { de: 'Die Helfer' },
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'language',
        name_localizations: { de: 'sprache' },
        description: 'Language of replies to mentions and channel messages',
        description_localizations: { de: 'Sprache der Antworten auf Erwähnungen und Kanalnachrichten' },
        options: [
          {
            type: ApplicationCommandOptionType.String,
            name: 'locale',
            name_localizations: { de: 'sprache' },
            description: "auto (the server's preferred language), en or de",
            description_localizations: { de: 'auto (die bevorzugte Sprache des Servers), en oder de' },
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
    const language = languageOfLocale(interaction.locale);
    const reply =
      subcommand === 'show'
        ? show(interaction, ctx, language)
        : change(interaction, ctx, subcommand, language);
    await respond(interaction, reply, { ephemeral: true, deferAfterMs: ctx.tuning.deferAfterMs });
  },
};
