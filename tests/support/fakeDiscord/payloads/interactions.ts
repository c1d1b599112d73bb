import { randomBytes } from 'node:crypto';
import {
  type APIApplicationCommandAutocompleteInteraction,
  type APIChatInputApplicationCommandInteraction,
  type APIMessage,
  type APIMessageApplicationCommandInteraction,
  type APIMessageComponentButtonInteraction,
  type APIUser,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  PermissionFlagsBits,
} from 'discord.js';
import { snowflake } from '../snowflake.ts';
import type { FakeWorld } from '../world.ts';
import { commandOptions, type OptionInput, type OptionPath } from './options.ts';

/** What the bot may do in a DM with a user: Discord reports these as `app_permissions` there. */
const DM_APP_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.AddReactions |
  PermissionFlagsBits.UseExternalEmojis |
  PermissionFlagsBits.UseApplicationCommands;

/** Who invoked an interaction, and where. Shared by every interaction builder. */
export interface InteractionContextOptions {
  /** Default: `world.defaultUser`. */
  readonly user?: APIUser;
  /** `null` for a DM with the bot. Default: the first guild (or, for components, the message's). */
  readonly guildId?: string | null;
  /** Default: the guild's `#general`, or the user's DM channel. */
  readonly channelId?: string;
  /** Overrides the member's computed `permissions` (e.g. `PermissionFlagsBits.Administrator`). */
  readonly memberPermissions?: bigint;
  /** The user's client language. Default `en-US`. */
  readonly locale?: Locale;
}

/** Options for {@link chatInputInteraction} and {@link autocompleteInteraction}. */
export interface CommandInteractionOptions extends InteractionContextOptions, OptionPath {
  /** The command's name, e.g. `ask`. */
  readonly name: string;
  /** Filled-in options, built with `opt.*`. */
  readonly options?: readonly OptionInput[];
}

/**
 * A slash-command invocation (type 2, data.type 1) as the gateway sends it. The command id is the
 * registered one when the bot has put a command of that name, so it matches what Discord would send.
 */
export function chatInputInteraction(
  world: FakeWorld,
  options: CommandInteractionOptions,
): APIChatInputApplicationCommandInteraction {
  const guildId = options.guildId === undefined ? world.guild.id : options.guildId;
  return {
    ...interactionBase(world, options, guildId),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(world, options.name, guildId),
      name: options.name,
      type: ApplicationCommandType.ChatInput,
      ...commandOptions(world, options.options ?? [], options, guildId),
    },
  };
}

/**
 * An autocomplete request (type 4): the same data as a command, with exactly one option marked
 * `focused` holding the partial text typed so far (`opt.string('question', 'how d', { focused: true })`).
 */
export function autocompleteInteraction(
  world: FakeWorld,
  options: CommandInteractionOptions,
): APIApplicationCommandAutocompleteInteraction {
  const focused = (options.options ?? []).filter((input) => 'focused' in input && input.focused);
  if (focused.length !== 1) {
    throw new Error(`fakeDiscord: autocomplete needs exactly one focused option, got ${focused.length}`);
  }
  const guildId = options.guildId === undefined ? world.guild.id : options.guildId;
  return {
    ...interactionBase(world, options, guildId),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      id: commandId(world, options.name, guildId),
      name: options.name,
      type: ApplicationCommandType.ChatInput,
      ...commandOptions(world, options.options ?? [], options, guildId),
    },
  };
}

/** Options for {@link buttonInteraction}. */
export interface ButtonInteractionOptions extends InteractionContextOptions {
  readonly customId: string;
  /** The full message the button is on, e.g. `fake.originalMessage(previousInteraction)`. */
  readonly message: APIMessage;
}

/** A button click (type 3, component_type 2); channel and guild default to the message's. */
export function buttonInteraction(
  world: FakeWorld,
  options: ButtonInteractionOptions,
): APIMessageComponentButtonInteraction {
  const guildId =
    options.guildId === undefined ? guildOfChannel(world, options.message.channel_id) : options.guildId;
  return {
    ...interactionBase(
      world,
      { ...options, channelId: options.channelId ?? options.message.channel_id },
      guildId,
    ),
    type: InteractionType.MessageComponent,
    data: { custom_id: options.customId, component_type: ComponentType.Button },
    message: options.message,
  };
}

/** Options for {@link messageContextInteraction}. */
export interface MessageContextInteractionOptions extends InteractionContextOptions {
  /** The message the user right-clicked. Discord always includes its content, whatever the intents. */
  readonly targetMessage: APIMessage;
  /** The context-menu command's name. Default `Ask citebot`. */
  readonly name?: string;
}

/** A message context-menu command (type 2, data.type 3) with `target_id` and `resolved.messages`. */
export function messageContextInteraction(
  world: FakeWorld,
  options: MessageContextInteractionOptions,
): APIMessageApplicationCommandInteraction {
  const target = options.targetMessage;
  const name = options.name ?? 'Ask citebot';
  const guildId = options.guildId === undefined ? guildOfChannel(world, target.channel_id) : options.guildId;
  return {
    ...interactionBase(world, { ...options, channelId: options.channelId ?? target.channel_id }, guildId),
    type: InteractionType.ApplicationCommand,
    data: {
      id: commandId(world, name, guildId),
      name,
      type: ApplicationCommandType.Message,
      target_id: target.id,
      resolved: { messages: { [target.id]: target } },
    },
  };
}

/** A token shaped like Discord's: base64 of `interaction:<id>:<secret>`, safe in a URL path. */
function interactionToken(id: string): string {
  return Buffer.from(`interaction:${id}:${randomBytes(48).toString('base64url')}`).toString('base64url');
}

function guildOfChannel(world: FakeWorld, channelId: string): string | null {
  const channel = world.channel(channelId);
  return channel && 'guild_id' in channel && channel.guild_id ? channel.guild_id : null;
}

function commandId(world: FakeWorld, name: string, guildId: string | null): string {
  const registered = [
    ...(guildId ? (world.commands.get(guildId) ?? []) : []),
    ...(world.commands.get('global') ?? []),
  ];
  return registered.find((command) => command.name === name)?.id ?? snowflake();
}

/** Every field an interaction carries whatever its type: the invoker, where, and the app's context. */
function interactionBase(world: FakeWorld, options: InteractionContextOptions, guildId: string | null) {
  const user = world.rememberUser(options.user ?? world.defaultUser);
  const id = snowflake();
  const locale = options.locale ?? Locale.EnglishUS;
  const common = {
    id,
    application_id: world.application.id,
    token: interactionToken(id),
    version: 1 as const,
    locale,
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
    // Installed to the guild; in the bot's DM the guild id is "0", as Discord documents.
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guildId ?? '0' },
  };
  if (guildId === null) {
    const channel = world.dmChannel(user);
    const channelId = options.channelId ?? channel.id;
    return {
      ...common,
      user,
      channel: { ...channel, id: channelId },
      channel_id: channelId,
      app_permissions: DM_APP_PERMISSIONS.toString(),
      context: InteractionContextType.BotDM,
    };
  }
  const guild = world.guildById(guildId);
  if (!guild) throw new Error(`fakeDiscord: interaction in unknown guild '${guildId}'`);
  const channelId = options.channelId ?? guild.textChannel.id;
  const permissions = options.memberPermissions ?? world.permissionsOf(guildId, user.id);
  return {
    ...common,
    guild: { id: guildId, locale: Locale.EnglishUS, features: [] },
    guild_id: guildId,
    guild_locale: Locale.EnglishUS,
    member: { ...world.member(guildId, user), user, permissions: permissions.toString() },
    // The channel as Discord knows it (a thread keeps its parent), else #general under that id.
    channel: world.channel(channelId) ?? { ...guild.textChannel, id: channelId },
    channel_id: channelId,
    app_permissions: world.permissionsOf(guildId, world.bot.id).toString(),
    context: InteractionContextType.Guild,
  };
}
