import { DefaultTuning } from '../../../config/index.ts';
import type { KnowledgeStats, ReloadReport } from '../../../core/types.ts';
import { type InterfaceLanguage, type MessageKey, translate } from '../i18n/index.ts';
import { finalize, type Reply } from './reply.ts';
import { safeLine } from './text.ts';

/** Activity since start plus stored feedback, shown by `/kb stats`. */
export interface Activity {
  readonly answered: number;
  readonly unanswered: number;
  readonly votesUp: number;
  readonly votesDown: number;
  readonly unansweredLogged: number;
}

type Translate = (key: MessageKey, values?: Readonly<Record<string, string | number>>) => string;

const translator =
  (language: InterfaceLanguage): Translate =>
  (key, values) =>
    translate(language, key, values);

/** `3 min`, `2 h 5 min`, `4 d 1 h` (`4 T 1 h` in German). */
export function formatAge(ms: number, language: InterfaceLanguage = 'en'): string {
  const t = translator(language);
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return t('kb.age.lessThanMinute');
  if (minutes < 60) return t('kb.age.minutes', { minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('kb.age.hours', { hours, minutes: minutes % 60 });
  return t('kb.age.days', { days: Math.floor(hours / 24), hours: hours % 24 });
}

function languages(stats: KnowledgeStats, t: Translate): string {
  const entries = Object.entries(stats.languages)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 20);
  return entries.length === 0
    ? t('kb.none')
    : entries.map(([lang, count]) => `${safeLine(lang, 20)} ${count}`).join(' · ');
}

function skipped(stats: KnowledgeStats, t: Translate): string {
  if (stats.skipped.length === 0) return t('kb.none');
  const lines = stats.skipped
    .slice(0, 5)
    .map((file) => `• ${safeLine(file.file, 80)}: ${safeLine(file.reason, 80)}`);
  const more =
    stats.skipped.length > 5 ? `\n${t('kb.stats.skippedMore', { count: stats.skipped.length - 5 })}` : '';
  return `${lines.join('\n')}${more}`;
}

/** `/kb stats`: the loaded knowledge, the index, and activity since start. */
export function renderStats(
  stats: KnowledgeStats,
  activity: Activity,
  now: number,
  language: InterfaceLanguage = 'en',
): Reply {
  const t = translator(language);
  const built = t('kb.stats.built', { age: formatAge(now - stats.builtAt, language), ms: stats.buildMs });
  const index = stats.fromCache ? `${built} ${t('kb.stats.fromCache')}` : built;
  return finalize({
    embeds: [
      {
        title: t('kb.stats.title'),
        color: DefaultTuning.answerColor,
        fields: [
          { name: t('kb.stats.articles'), value: String(stats.articles), inline: true },
          { name: t('kb.stats.passages'), value: String(stats.passages), inline: true },
          { name: t('kb.stats.languages'), value: languages(stats, t), inline: true },
          { name: t('kb.stats.index'), value: index, inline: false },
          {
            name: t('kb.stats.questions'),
            value: t('kb.stats.questionsValue', {
              answered: activity.answered,
              unanswered: activity.unanswered,
            }),
            inline: false,
          },
          {
            name: t('kb.stats.feedback'),
            value: t('kb.stats.feedbackValue', {
              up: activity.votesUp,
              down: activity.votesDown,
              logged: activity.unansweredLogged,
            }),
            inline: false,
          },
          {
            name: t('kb.stats.skipped', { count: stats.skipped.length }),
            value: skipped(stats, t),
            inline: false,
          },
        ],
      },
    ],
    ephemeral: true,
  });
}

/** `/kb reload`: what the reload did, or why the old index still serves. */
export function renderReload(
  report: ReloadReport,
  elapsedMs: number,
  language: InterfaceLanguage = 'en',
): Reply {
  const t = translator(language);
  const { stats } = report;
  const skippedNote =
    stats.skipped.length > 0 ? ` ${t('kb.reloadSkipped', { count: stats.skipped.length })}` : '';
  const text = report.ok
    ? `${t('kb.reloaded', { articles: stats.articles, passages: stats.passages, ms: Math.round(elapsedMs) })}${skippedNote}`
    : t('kb.reloadFailed', { error: safeLine(report.error, 1500), articles: stats.articles });
  return finalize({ content: text, ephemeral: true });
}
