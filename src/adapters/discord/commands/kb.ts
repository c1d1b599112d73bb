import { performance } from 'node:perf_hooks';
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from 'discord.js';
import type { BotContext } from '../context.ts';
import { knowledgeGaps } from '../gaps.ts';
import { type InterfaceLanguage, languageOfLocale } from '../i18n/index.ts';
import { learnedReply } from '../learned.ts';
import { type Reply, renderGaps, renderReload, renderStats } from '../render/index.ts';
import { respond } from '../respond.ts';
import type { SlashCommand } from './command.ts';

async function reloadReply(ctx: BotContext, userId: string, language: InterfaceLanguage): Promise<Reply> {
  const started = performance.now();
  const report = await ctx.service.reload();
  const elapsedMs = performance.now() - started;
  ctx.metrics.reloads.inc({ trigger: 'command', outcome: report.ok ? 'ok' : 'failed' });
  const log = {
    ok: report.ok,
    articles: report.stats.articles,
    ms: Math.round(elapsedMs),
    by: ctx.store.hashUser(userId),
  };
  if (report.ok) {
    ctx.logger.info(log, 'knowledge: reloaded by /kb reload');
    await ctx
      .announceReload?.()
      .catch((error: unknown) =>
        ctx.logger.warn({ err: error }, 'knowledge: could not tell the other replicas to reload'),
      );
  } else ctx.logger.warn({ ...log, error: report.error }, 'knowledge: /kb reload failed; old index kept');
  return renderReload(report, elapsedMs, language);
}

async function statsReply(ctx: BotContext, language: InterfaceLanguage): Promise<Reply> {
  const stats = await ctx.service.stats();
  const stored = await ctx.store.counts();
  return renderStats(
    stats,
    {
      answered: ctx.counters.answered,
      unanswered: ctx.counters.unanswered,
      votesUp: stored.up,
      votesDown: stored.down,
      unansweredLogged: stored.unanswered,
    },
    Date.now(),
    language,
  );
}

/** Days `/kb gaps` looks back by default. */
const defaultGapDays = 30;

async function gapsReply(
  ctx: BotContext,
  guildId: string | null,
  days: number,
  language: InterfaceLanguage,
): Promise<Reply> {
  const since = new Date(Date.now() - days * 86_400_000).toISOString();
  const filter = guildId === null ? { since } : { since, guildId };
  const [unanswered, votes] = await Promise.all([ctx.store.unanswered(filter), ctx.store.votes(filter)]);
  return renderGaps(knowledgeGaps(unanswered, votes), days, language);
}

/** `/kb reload`, `/kb stats`, `/kb gaps` and `/kb learned`, for server managers only. */
export const kb: SlashCommand = {
  // Checked as well as `default_member_permissions`: a server can grant the command to anyone.
  preconditions: { adminOnly: true },
  data: {
    name: 'kb',
    type: ApplicationCommandType.ChatInput,
    description: 'Manage the knowledge base (server managers)',
    description_localizations: { de: 'Die Wissensbasis verwalten (Serververwaltung)' },
    // "0": hidden from everyone but administrators until a server grants it.
    default_member_permissions: '0',
    contexts: [InteractionContextType.Guild],
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'reload',
        name_localizations: { de: 'neu-laden' },
        description: 'Reload the articles from disk',
        description_localizations: { de: 'Die Artikel neu von der Festplatte laden' },
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'stats',
        name_localizations: { de: 'statistik' },
        description: 'Articles, passages, languages, index age, questions and feedback',
        description_localizations: {
          de: 'Artikel, Abschnitte, Sprachen, Indexalter, Fragen und Rückmeldungen',
        },
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'gaps',
        name_localizations: { de: 'lücken' },
        description: 'Most frequent unanswered questions and most 👎 answers, with a CSV',
        description_localizations: {
          de: 'Häufigste unbeantwortete Fragen und Antworten mit den meisten 👎, als CSV',
        },
        options: [
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'days',
            name_localizations: { de: 'tage' },
            description: `How many days back (default ${defaultGapDays})`,
            description_localizations: { de: `Wie viele Tage zurück (Standard ${defaultGapDays})` },
            min_value: 1,
            max_value: 365,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'learned',
        name_localizations: { de: 'gelernt' },
        description: 'Questions learned from 👍, to approve or reject as ways to ask for an article',
        description_localizations: {
          de: 'Aus 👍 gelernte Fragen als Formulierungen eines Artikels annehmen oder ablehnen',
        },
      },
    ],
  },

  async execute(interaction, ctx) {
    const subcommand = interaction.options.getSubcommand(true);
    const language = languageOfLocale(interaction.locale);
    const days = interaction.options.getInteger('days') ?? defaultGapDays;
    const work =
      subcommand === 'reload'
        ? reloadReply(ctx, interaction.user.id, language)
        : subcommand === 'gaps'
          ? gapsReply(ctx, interaction.guildId, days, language)
          : subcommand === 'learned'
            ? learnedReply(ctx, interaction.guildId, language)
            : statsReply(ctx, language);
    await respond(interaction, work, { ephemeral: true, deferAfterMs: ctx.tuning.deferAfterMs });
  },
};
