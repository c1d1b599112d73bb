import type { APIEmbed } from 'discord.js';
import { DefaultTuning } from '../../../config/index.ts';
import type { SearchHit, SearchPage } from '../../../core/types.ts';
import { type InterfaceLanguage, translate } from '../i18n/index.ts';
import { footerText } from './answer.ts';
import { buttonRow } from './buttonRow.ts';
import { DiscordLimits } from './limits.ts';
import { finalize, type Reply } from './reply.ts';
import { formatSnippet, link, safeLine } from './text.ts';

/** Options of {@link renderSearchPage}. */
export interface SearchPageOptions {
  readonly elapsedMs: number;
  readonly ephemeral?: boolean;
  /** custom_ids of ◀ and ▶; a missing id means there is no page that way. */
  readonly prev?: string;
  readonly next?: string;
  /** The language of the page's wording (default English). */
  readonly language?: InterfaceLanguage;
}

function hitText(hit: SearchHit, maxSnippet: number): string {
  const heading = hit.heading === undefined ? '' : ` — ${safeLine(hit.heading, 100)}`;
  const where = hit.url === undefined ? ` · ${safeLine(hit.source, 80)}` : '';
  return `**${hit.rank}.** ${link(hit.title, hit.url, 150)}${heading}${where}\n${formatSnippet(hit.snippet, maxSnippet)}`;
}

/** A page of search results with ◀ ▶ buttons. */
export function renderSearchPage(page: SearchPage, options: SearchPageOptions): Reply {
  const language = options.language ?? 'en';
  const title = translate(language, 'search.title', {
    query: safeLine(page.query, DiscordLimits.embedTitle - 8),
  });
  const count = Math.max(1, page.hits.length);
  const perSnippet = Math.max(60, Math.min(400, Math.floor(DiscordLimits.embedDescription / count) - 420));
  const first = page.offset + 1;
  const last = page.offset + page.hits.length;
  const embed: APIEmbed = {
    title,
    description:
      page.hits.length === 0
        ? translate(language, 'search.none')
        : page.hits.map((hit) => hitText(hit, perSnippet)).join('\n\n'),
    color: DefaultTuning.answerColor,
    footer: {
      text:
        page.hits.length === 0
          ? footerText(page.articlesSearched, options.elapsedMs, language)
          : translate(language, 'search.results', {
              first,
              last,
              total: page.total,
              footer: footerText(page.articlesSearched, options.elapsedMs, language),
            }),
    },
  };
  const paged = options.prev !== undefined || options.next !== undefined;
  const components = paged
    ? [
        buttonRow([
          { customId: options.prev ?? 'c1|pv|none', emoji: '◀️', disabled: options.prev === undefined },
          { customId: options.next ?? 'c1|nx|none', emoji: '▶️', disabled: options.next === undefined },
        ]),
      ]
    : [];
  return finalize({ embeds: [embed], components, ephemeral: options.ephemeral ?? false });
}
