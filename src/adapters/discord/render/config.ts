import { DefaultTuning } from '../../../config/index.ts';
import type { ChannelMode, GuildSettings, Resolved, SettingSource } from '../guildSettings.ts';
import { finalize, type Reply } from './reply.ts';

/** What `/config show` needs besides the settings. */
export interface ConfigFacts {
  /** Channels of this server (a mode stored for another server's channel is not shown). */
  readonly channelIds: ReadonlySet<string>;
  /** Whether the gateway connection reads message content (`questions`/`all` need it). */
  readonly messageContent: boolean;
}

/** `default`, `environment (ANSWER_CHANNEL_IDS)`, `set by @manager <time>`. */
export function sourceText(source: SettingSource): string {
  switch (source.kind) {
    case 'default':
      return 'default';
    case 'environment':
      return `environment (${source.variable})`;
    case 'set':
      return `set by <@${source.by}> <t:${Math.floor(Date.parse(source.at) / 1000)}:f>`;
  }
}

const modeText: Record<ChannelMode, string> = {
  off: '`off` — not answered',
  mention: '`mention` — @mentions and replies to citebot',
  questions: '`questions` — question-like messages',
  all: '`all` — every message citebot can answer',
};

/** The warning `/config channel` and `/config show` give when a mode cannot work yet. */
export const messageContentMissing =
  '⚠️ `questions` and `all` need the **Message Content** intent, which this connection does not have: enable ' +
  '"Message Content Intent" under Bot → Privileged Gateway Intents in the Developer Portal and restart citebot. ' +
  'Until then only @mentions and replies are answered there.';

function line<T>(label: string, setting: Resolved<T>, shown: string): string {
  return `**${label}:** ${shown} · ${sourceText(setting.source)}`;
}

/** `/config show`: every setting of this server and where its value came from. */
export function renderConfig(settings: GuildSettings, facts: ConfigFacts): Reply {
  const channels = [...settings.channels]
    .filter(([id]) => facts.channelIds.has(id))
    .map(([id, mode]) => `<#${id}> ${modeText[mode.value]} · ${sourceText(mode.source)}`);
  const needsContent = [...settings.channels].some(
    ([id, mode]) => facts.channelIds.has(id) && (mode.value === 'questions' || mode.value === 'all'),
  );
  const role = settings.helperRoleId.value;
  const lines = [
    line('Hide /ask answers by default', settings.hideByDefault, settings.hideByDefault.value ? 'on' : 'off'),
    line('Helper role (Ask a human)', settings.helperRoleId, role === null ? 'none' : `<@&${role}>`),
    line('Language of channel replies', settings.language, `\`${settings.language.value}\``),
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
        title: 'citebot settings of this server',
        description: lines.join('\n'),
        color: DefaultTuning.answerColor,
        fields: [
          {
            name: 'Channels (all others: `mention`)',
            value: channels.length === 0 ? 'none set' : channels.join('\n'),
          },
          ...(needsContent && !facts.messageContent
            ? [{ name: 'Message Content', value: messageContentMissing }]
            : []),
        ],
      },
    ],
    namedUserIds: users,
    namedRoleIds: role === null ? [] : [role],
    ephemeral: true,
  });
}
