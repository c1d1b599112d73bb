import { DefaultTuning } from '../../../config/index.ts';
import type { KnowledgeStats, ReloadReport } from '../../../core/types.ts';
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

/** `3 min`, `2 h 5 min`, `4 d 1 h`. */
export function formatAge(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  if (minutes < 1) return 'less than a minute';
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function languages(stats: KnowledgeStats): string {
  const entries = Object.entries(stats.languages)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 20);
  return entries.length === 0
    ? 'none'
    : entries.map(([lang, count]) => `${safeLine(lang, 20)} ${count}`).join(' · ');
}

function skipped(stats: KnowledgeStats): string {
  if (stats.skipped.length === 0) return 'none';
  const lines = stats.skipped
    .slice(0, 5)
    .map((file) => `• ${safeLine(file.file, 80)}: ${safeLine(file.reason, 80)}`);
  const more = stats.skipped.length > 5 ? `\n…and ${stats.skipped.length - 5} more (see the log)` : '';
  return `${lines.join('\n')}${more}`;
}

/** `/kb stats`: the loaded knowledge, the index, and activity since start. */
export function renderStats(stats: KnowledgeStats, activity: Activity, now: number): Reply {
  const index = `built ${formatAge(now - stats.builtAt)} ago in ${stats.buildMs} ms${stats.fromCache ? ' (from cache)' : ''}`;
  return finalize({
    embeds: [
      {
        title: 'Knowledge base',
        color: DefaultTuning.answerColor,
        fields: [
          { name: 'Articles', value: String(stats.articles), inline: true },
          { name: 'Passages', value: String(stats.passages), inline: true },
          { name: 'Languages', value: languages(stats), inline: true },
          { name: 'Index', value: index, inline: false },
          {
            name: 'Questions since start',
            value: `${activity.answered} answered · ${activity.unanswered} not answered`,
            inline: false,
          },
          {
            name: 'Feedback (stored)',
            value: `👍 ${activity.votesUp} · 👎 ${activity.votesDown} · ${activity.unansweredLogged} unanswered questions logged`,
            inline: false,
          },
          { name: `Skipped files (${stats.skipped.length})`, value: skipped(stats), inline: false },
        ],
      },
    ],
    ephemeral: true,
  });
}

/** `/kb reload`: what the reload did, or why the old index still serves. */
export function renderReload(report: ReloadReport, elapsedMs: number): Reply {
  const { stats } = report;
  const text = report.ok
    ? `Reloaded: ${stats.articles} articles, ${stats.passages} passages in ${Math.round(elapsedMs)} ms.` +
      (stats.skipped.length > 0 ? ` Skipped ${stats.skipped.length} files (see \`/kb stats\`).` : '')
    : `Reload failed: ${safeLine(report.error, 1500)}\nStill answering from the previous index (${stats.articles} articles).`;
  return finalize({ content: text, ephemeral: true });
}
