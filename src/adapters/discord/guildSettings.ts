import type { Config } from '../../config/index.ts';
import type { Store, StoredSetting } from '../../store/index.ts';
import { type InterfaceLanguage, languageOfLocale } from './i18n/index.ts';

/** How citebot treats messages in a channel (and the threads under it). */
export const channelModes = ['off', 'mention', 'questions', 'all'] as const;
export type ChannelMode = (typeof channelModes)[number];

/** The interface language for replies that are not interactions. */
export const guildLanguages = ['auto', 'en', 'de'] as const;
export type GuildLanguage = (typeof guildLanguages)[number];

/** Where a setting's value came from, as `/config show` reports it. */
export type SettingSource =
  | { readonly kind: 'default' }
  | { readonly kind: 'environment'; readonly variable: string }
  | { readonly kind: 'set'; readonly by: string; readonly at: string };

/** A setting's value and its origin. */
export interface Resolved<T> {
  readonly value: T;
  readonly source: SettingSource;
}

/** Every setting of one server, resolved: stored value, else environment, else default. */
export interface GuildSettings {
  /** `/ask` answers only to the asker unless `hide:False`. */
  readonly hideByDefault: Resolved<boolean>;
  /** The role the **Ask a human** button pings; `null` for no button. */
  readonly helperRoleId: Resolved<string | null>;
  readonly language: Resolved<GuildLanguage>;
  /** Channels with a mode other than the default, by channel id. */
  readonly channels: ReadonlyMap<string, Resolved<ChannelMode>>;
}

/** The names settings are stored under. */
export const SettingName = {
  hideByDefault: 'hideByDefault',
  helperRole: 'helperRole',
  language: 'language',
  channelPrefix: 'channel:',
} as const;

/** What a setting is when nobody set it. */
export const SettingDefaults = {
  hideByDefault: false,
  helperRoleId: null,
  language: 'auto',
  channelMode: 'mention',
} as const satisfies {
  hideByDefault: boolean;
  helperRoleId: null;
  language: GuildLanguage;
  channelMode: ChannelMode;
};

const byDefault = { kind: 'default' } as const;

function fromStore(setting: StoredSetting): SettingSource {
  return { kind: 'set', by: setting.setBy, at: setting.setAt };
}

function pick<T>(
  stored: StoredSetting | undefined,
  valid: (value: unknown) => value is T,
  fallback: Resolved<T>,
): Resolved<T> {
  return stored !== undefined && valid(stored.value)
    ? { value: stored.value, source: fromStore(stored) }
    : fallback;
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isSnowflake = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{17,20}$/.test(value);
const isLanguage = (value: unknown): value is GuildLanguage =>
  guildLanguages.includes(value as GuildLanguage);
const isMode = (value: unknown): value is ChannelMode => channelModes.includes(value as ChannelMode);

/**
 * Resolves a server's stored settings over the environment: `ANSWER_CHANNEL_IDS` is the initial
 * `questions` mode of its channels until a manager sets another. A stored value that is not valid
 * (edited by hand) counts as unset.
 */
export function resolveGuildSettings(
  stored: readonly StoredSetting[],
  answerChannelIds: readonly string[],
): GuildSettings {
  const named = new Map(stored.map((setting) => [setting.name, setting]));
  const channels = new Map<string, Resolved<ChannelMode>>();
  for (const id of answerChannelIds) {
    channels.set(id, { value: 'questions', source: { kind: 'environment', variable: 'ANSWER_CHANNEL_IDS' } });
  }
  for (const setting of stored) {
    if (!setting.name.startsWith(SettingName.channelPrefix) || !isMode(setting.value)) continue;
    channels.set(setting.name.slice(SettingName.channelPrefix.length), {
      value: setting.value,
      source: fromStore(setting),
    });
  }
  return {
    hideByDefault: pick(named.get(SettingName.hideByDefault), isBoolean, {
      value: SettingDefaults.hideByDefault,
      source: byDefault,
    }),
    helperRoleId: pick<string | null>(named.get(SettingName.helperRole), isSnowflake, {
      value: SettingDefaults.helperRoleId,
      source: byDefault,
    }),
    language: pick(named.get(SettingName.language), isLanguage, {
      value: SettingDefaults.language,
      source: byDefault,
    }),
    channels,
  };
}

/** The mode of a channel: its own, else its parent's (a thread, a forum post), else the default. */
export function channelModeOf(
  settings: GuildSettings,
  channelId: string,
  parentId: string | null = null,
): Resolved<ChannelMode> {
  return (
    settings.channels.get(channelId) ??
    (parentId === null ? undefined : settings.channels.get(parentId)) ?? {
      value: SettingDefaults.channelMode,
      source: byDefault,
    }
  );
}

/**
 * The interface language of replies that are not interactions: the server's setting, or with
 * `auto` its preferred locale.
 */
export function guildLanguage(settings: GuildSettings, preferredLocale: string | null): InterfaceLanguage {
  const chosen = settings.language.value;
  return chosen === 'auto' ? languageOfLocale(preferredLocale) : chosen;
}

/** The settings outside any server (DMs): every default. */
export const dmSettings: GuildSettings = resolveGuildSettings([], []);

/** Reads and resolves one server's settings; `null` (a DM) gives the defaults. */
export async function loadGuildSettings(
  store: Store,
  config: Pick<Config, 'answerChannelIds'>,
  guildId: string | null,
): Promise<GuildSettings> {
  if (guildId === null) return dmSettings;
  return resolveGuildSettings(await store.settings(guildId), config.answerChannelIds);
}

/**
 * Whether any server has a channel that needs the Message Content intent (`questions` or `all`),
 * counting ANSWER_CHANNEL_IDS: the gateway asks for the intent only then.
 */
export async function needsMessageContent(
  store: Store,
  config: Pick<Config, 'answerChannelIds'>,
): Promise<boolean> {
  if (config.answerChannelIds.length > 0) return true;
  const channels = await store.settingsNamed(SettingName.channelPrefix);
  return channels.some((setting) => setting.value === 'questions' || setting.value === 'all');
}
