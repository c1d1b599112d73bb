import { performance } from 'node:perf_hooks';
import { ApplicationCommandOptionType, ApplicationCommandType, InteractionContextType } from 'discord.js';
import type { BotContext } from '../context.ts';
import { type Reply, renderReload, renderStats } from '../render/index.ts';
import { respond } from '../respond.ts';
import type { SlashCommand } from './command.ts';

async function reloadReply(ctx: BotContext, userId: string): Promise<Reply> {
  const started = performance.now();
  const report = await ctx.service.reload();
  const elapsedMs = performance.now() - started;
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
  return renderReload(report, elapsedMs);
}

async function statsReply(ctx: BotContext): Promise<Reply> {
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
  );
}

/** `/kb reload` and `/kb stats`, for server managers only. */
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
        description: 'Reload the articles from disk',
        description_localizations: { de: 'Die Artikel neu von der Festplatte laden' },
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'stats',
        description: 'Articles, passages, languages, index age, questions and feedback',
        description_localizations: {
          de: 'Artikel, Abschnitte, Sprachen, Indexalter, Fragen und Rückmeldungen',
        },
      },
    ],
  },

  async execute(interaction, ctx) {
    const work =
      interaction.options.getSubcommand(true) === 'reload'
        ? reloadReply(ctx, interaction.user.id)
        : statsReply(ctx);
    await respond(interaction, work, { ephemeral: true, deferAfterMs: ctx.tuning.deferAfterMs });
  },
};
