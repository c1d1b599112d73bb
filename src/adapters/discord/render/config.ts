import { DefaultTuning } from '../../../config/index.ts';
import type { GuildSettings, Resolved, SettingSource } from '../guildSettings.ts';
import { type InterfaceLanguage, translate } from '../i18n/index.ts';
import { finalize, type Reply } from './reply.ts';

/** What `/config show` needs besides the settings. */
export interface ConfigFacts {
  /** Channels of this server (a mode stored for another server's channel is not shown). */
  readonly channelIds: ReadonlySet<string>;
  /** Whether the gateway connection reads message content (`questions`/`all` need it). */
  readonly messageContent: boolean;
}

/** `default`, `environment (ANSWER_CHANNEL_IDS)`, `set by @manager <time>`. */
export function sourceText(source: SettingSource, language: InterfaceLanguage = 'en'): string {
  switch (source.kind) {
    case 'default':
      return translate(language, 'config.source.default');
    case 'environment':
      return translate(language, 'config.source.environment', { variable: source.variable });
    case 'set':
      return translate(language, 'config.source.set', {
        user: `<@${source.by}>`,
        time: `<t:${Math.floor(Date.parse(source.at) / 1000)}:f>`,
      });
  }
}

/** The warning `/config channel` and `/config show` give when a mode cannot work yet. */
export function messageContentMissing(language: InterfaceLanguage = 'en'): string {
  return translate(language, 'config.messageContentMissing');
}

function line<T>(label: string, setting: Resolved<T>, shown: string, language: InterfaceLanguage): string {
  return `**${label}:** ${shown} · ${sourceText(setting.source, language)}`;
}

/** `/config show`: every setting of this server and where its value came from. */
export function renderConfig(
  settings: GuildSettings,
  facts: ConfigFacts,
  language: InterfaceLanguage = 'en',
): Reply {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const channels = [...settings.channels]
    .filter(([id]) => facts.channelIds.has(id))
    .map(([id, mode]) => `<#${id}> ${t(`config.mode.${mode.value}`)} · ${sourceText(mode.source, language)}`);
  const needsContent = [...settings.channels].some(
    ([id, mode]) => facts.channelIds.has(id) && (mode.value === 'questions' || mode.value === 'all'),
  );
  const role = settings.helperRoleId.value;
  const lines = [
    line(
      t('config.hideByDefault'),
      settings.hideByDefault,
      t(settings.hideByDefault.value ? 'config.on' : 'config.off'),
      language,
    ),
    line(
      t('config.helperRole'),
      settings.helperRoleId,
      role === null ? t('config.none') : `<@&${role}>`,
      language,
    ),
    line(t('config.language'), settings.language, `\`${settings.language.value}\``, language),
  ];
  const users = [
    settings.hideByDefault,
    settings.helperRoleId,
    settings.language,
    ...settings.channels.values(),
  ]
    .map((setting) => setting.source)
    .flatMap((source) => (source.kind === 'set' ? [source.by] : []));
  return finalize({
    embeds: [
      {
        title: t('config.title'),
        description: lines.join('\n'),
        color: DefaultTuning.answerColor,
        fields: [
          {
            name: t('config.channels'),
            value: channels.length === 0 ? t('config.noneSet') : channels.join('\n'),
          },
          ...(needsContent && !facts.messageContent
            ? [{ name: 'Message Content', value: messageContentMissing(language) }]
            : []),
        ],
      },
    ],
    namedUserIds: users,
    namedRoleIds: role === null ? [] : [role],
    ephemeral: true,
  });
}
