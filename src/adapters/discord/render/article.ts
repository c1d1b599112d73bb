import type { APIEmbed } from 'discord.js';
import { DefaultTuning } from '../../../config/index.ts';
import type { ArticleRef, ArticleView, Suggestion } from '../../../core/types.ts';
import { type InterfaceLanguage, translate } from '../i18n/index.ts';
import { buttonRow } from './buttonRow.ts';
import { DiscordLimits } from './limits.ts';
import { finalize, type Reply } from './reply.ts';
import { clip, link, oneLine, safeLine, safeParagraphs, safeUrl } from './text.ts';

/** One article: title (linked), opening passage, source file, language, date, tags, size. */
export function renderArticle(
  view: ArticleView,
  options: { readonly ephemeral?: boolean; readonly language?: InterfaceLanguage } = {},
): Reply {
  const t = (key: Parameters<typeof translate>[1], values?: Readonly<Record<string, number>>) =>
    translate(options.language ?? 'en', key, values);
  const url = safeUrl(view.url);
  const fields = [
    { name: t('article.source'), value: safeLine(view.source, 200), inline: true },
    { name: t('article.language'), value: safeLine(view.lang, 50), inline: true },
    {
      name: t('article.size'),
      value: t('article.sizeValue', { passages: view.passages, words: view.words }),
      inline: true,
    },
  ];
  if (view.date !== undefined)
    fields.push({ name: t('article.date'), value: safeLine(view.date, 100), inline: true });
  if (view.tags.length > 0) {
    fields.push({
      name: t('article.tags'),
      value: clip(
        view.tags
          .slice(0, 30)
          .map((tag) => safeLine(tag, 40))
          .join(', '),
        300,
      ),
      inline: false,
    });
  }
  if (url !== undefined)
    fields.push({ name: t('article.link'), value: link(view.title, url, 200), inline: false });
  const embed: APIEmbed = {
    title: safeLine(view.title, DiscordLimits.embedTitle),
    ...(url === undefined ? {} : { url }),
    description: safeParagraphs(view.opening, 1500) || t('article.noText'),
    color: DefaultTuning.answerColor,
    fields,
  };
  return finalize({ embeds: [embed], ephemeral: options.ephemeral ?? false });
}

/** No article matched the name: say so and offer the closest titles. */
export function renderArticleNotFound(
  name: string,
  suggestions: readonly Suggestion[],
  options: { readonly ephemeral?: boolean; readonly language?: InterfaceLanguage } = {},
): Reply {
  const language = options.language ?? 'en';
  const lines = suggestions.slice(0, 5).map((suggestion) => `• ${safeLine(suggestion.name, 100)}`);
  const text = translate(language, 'article.notFound', { name: safeLine(name, 200) });
  return finalize({
    content:
      lines.length === 0
        ? `${text} ${translate(language, 'article.trySearch')}`
        : `${text} ${translate(language, 'article.didYouMean')}\n${lines.join('\n')}`,
    ephemeral: options.ephemeral ?? true,
  });
}

/** The most articles a "several match" reply lists, each with its button (two rows of five). */
export const ARTICLE_CHOICES = 2 * DiscordLimits.buttonsPerRow;

/**
 * Several articles match the name: say so, list them (title and file) and give each a button that
 * shows it. `customIdOf` names an article's button, undefined when its id does not fit one (it is
 * then only listed). `total` counts every match, beyond those passed in.
 */
export function renderArticleChoices(
  name: string,
  matches: readonly ArticleRef[],
  total: number,
  options: {
    readonly customIdOf: (source: string) => string | undefined;
    readonly language?: InterfaceLanguage;
  },
): Reply {
  const language = options.language ?? 'en';
  const listed = matches.slice(0, ARTICLE_CHOICES);
  const lines = listed.map(
    (match, i) => `${i + 1}. **${safeLine(match.title, 120)}** — ${safeLine(match.source, 120)}`,
  );
  const more = total - listed.length;
  const buttons = listed.flatMap((match, i) => {
    const customId = options.customIdOf(match.source);
    // Labels are plain text (not markdown): only the line is folded, nothing escaped.
    return customId === undefined ? [] : [{ customId, label: clip(`${i + 1}. ${oneLine(match.title)}`, 80) }];
  });
  const rows = [];
  for (let i = 0; i < buttons.length; i += DiscordLimits.buttonsPerRow)
    rows.push(buttonRow(buttons.slice(i, i + DiscordLimits.buttonsPerRow)));
  const head = translate(language, 'article.several', { name: safeLine(name, 200), count: total });
  const tail = more > 0 ? `\n${translate(language, 'article.severalMore', { count: more })}` : '';
  return finalize({
    content: `${head}\n${lines.join('\n')}${tail}`,
    components: rows,
    // Like not-found: a question back to the asker, nobody else's business.
    ephemeral: true,
  });
}
