import type { APIEmbed } from 'discord.js';
import { ButtonStyle } from 'discord.js';
import { DefaultTuning } from '../../../config/index.ts';
import type { Answer, ArticleRef, Citation } from '../../../core/types.ts';
import { type InterfaceLanguage, translate } from '../i18n/index.ts';
import { type ButtonSpec, buttonRow } from './buttonRow.ts';
import { DiscordLimits } from './limits.ts';
import { finalize, type Reply } from './reply.ts';
import { clip, formatSnippet, link, safeLine } from './text.ts';

/** custom_ids of the buttons to show under an answer; a button without an id is not shown. */
export interface AnswerControls {
  readonly share?: string;
  readonly more?: string;
  readonly up?: string;
  readonly down?: string;
  readonly delete?: string;
  /** **Ask a human** (the server has a helper role). */
  readonly human?: string;
  /** **✅ Solved** (the answer to a forum post, for its author). */
  readonly solved?: string;
}

/** Options of {@link renderAnswer}. */
export interface AnswerOptions {
  /** How long answering took, for the footer. */
  readonly elapsedMs: number;
  readonly ephemeral?: boolean;
  readonly controls?: AnswerControls;
  /** The user `/ask mention:` points the answer at: the only user ever pinged. */
  readonly mentionUserId?: string;
  /** The interface language of labels and footer (default English). */
  readonly language?: InterfaceLanguage;
  /** The user who shared an ephemeral answer publicly (named, not pinged). */
  readonly sharedByUserId?: string;
}

/** `Searched 12 articles in 35 ms` (or its translation). */
export function footerText(
  articlesSearched: number,
  elapsedMs: number,
  language: InterfaceLanguage = 'en',
): string {
  return translate(language, articlesSearched === 1 ? 'answer.footer.one' : 'answer.footer.other', {
    count: articlesSearched,
    ms: Math.max(0, Math.round(elapsedMs)),
  });
}

/** `[n] title — heading` linked to the article's URL, or followed by its file name. */
function sourceLine(citation: Citation, maxLabel: number, linked: boolean): string {
  const label = citation.heading === undefined ? citation.title : `${citation.title} — ${citation.heading}`;
  const url = linked ? citation.url : undefined;
  const where = url === undefined ? ` · ${safeLine(citation.source, 80)}` : '';
  return `**[${citation.n}]** ${link(label, url, maxLabel)}${where}`;
}

function relatedLine(ref: ArticleRef, maxLabel: number): string {
  const where = ref.url === undefined ? ` · ${safeLine(ref.source, 80)}` : '';
  return `• ${link(ref.title, ref.url, maxLabel)}${where}`;
}

function answeredEmbed(answer: Answer, footer: string, language: InterfaceLanguage): APIEmbed {
  const count = Math.max(1, answer.citations.length);
  // Share the description fairly so the last citation is never squeezed out by the first. The core
  // promises snippets of at most 300 characters; 600 leaves room for escaping and bold markers.
  const perSnippet = Math.min(600, Math.floor((DiscordLimits.embedDescription - 2 * count) / count) - 12);
  const description = answer.citations
    .map((citation) => `**[${citation.n}]** ${formatSnippet(citation.snippet, perSnippet)}`)
    .join('\n\n');
  const perSource = Math.floor(DiscordLimits.fieldValue / count) - 1;
  const sources = answer.citations.map((citation) => {
    const line = sourceLine(citation, 200, true);
    // A link cut short is a broken link: fall back to the file name when it does not fit.
    return line.length <= perSource ? line : sourceLine(citation, 60, false);
  });
  return {
    title: safeLine(answer.question, DiscordLimits.embedTitle),
    description,
    color: DefaultTuning.answerColor,
    fields: [
      {
        name: translate(language, 'answer.sources'),
        value: sources.map((line) => clip(line, perSource)).join('\n'),
      },
    ],
    footer: { text: footer },
  };
}

function unansweredEmbed(answer: Answer, footer: string, language: InterfaceLanguage): APIEmbed {
  const lead = translate(language, 'answer.noAnswer');
  const related = answer.related.slice(0, 10).map((ref) => relatedLine(ref, 200));
  return {
    title: safeLine(answer.question, DiscordLimits.embedTitle),
    description:
      related.length === 0
        ? lead
        : `${lead}\n\n${translate(language, 'answer.closestArticles')}\n${related.join('\n')}`,
    color: DefaultTuning.noAnswerColor,
    footer: { text: footer },
  };
}

/** The best-match tier: a hedge, the closest passage quoted with its source, the other closest articles. */
function bestMatchEmbed(
  answer: Answer,
  best: Citation,
  footer: string,
  language: InterfaceLanguage,
): APIEmbed {
  const related = answer.related.slice(0, 10).map((ref) => relatedLine(ref, 200));
  const perLine = Math.floor(DiscordLimits.fieldValue / Math.max(1, related.length)) - 1;
  const source = sourceLine(best, 200, true);
  return {
    title: safeLine(answer.question, DiscordLimits.embedTitle),
    description: `${translate(language, 'answer.bestMatch')}\n\n**[${best.n}]** ${formatSnippet(best.snippet, 600)}`,
    color: DefaultTuning.noAnswerColor,
    fields: [
      {
        name: translate(language, 'answer.source'),
        value: source.length <= DiscordLimits.fieldValue ? source : sourceLine(best, 60, false),
      },
      ...(related.length === 0
        ? []
        : [
            {
              name: translate(language, 'answer.closestArticles').replace(/:$/, ''),
              value: related.map((l) => clip(l, perLine)).join('\n'),
            },
          ]),
    ],
    footer: { text: footer },
  };
}

function controlsRow(controls: AnswerControls, language: InterfaceLanguage): ButtonSpec[] {
  const buttons: ButtonSpec[] = [];
  if (controls.share !== undefined)
    buttons.push({
      customId: controls.share,
      label: translate(language, 'button.share'),
      style: ButtonStyle.Primary,
    });
  if (controls.more !== undefined)
    buttons.push({ customId: controls.more, label: translate(language, 'button.more') });
  if (controls.up !== undefined) buttons.push({ customId: controls.up, emoji: '👍' });
  if (controls.down !== undefined) buttons.push({ customId: controls.down, emoji: '👎' });
  if (controls.delete !== undefined)
    buttons.push({ customId: controls.delete, emoji: '🗑️', style: ButtonStyle.Secondary });
  return buttons;
}

/**
 * The answer message: an embed with cited snippets and sources; for a best match, the hedge and the
 * closest passage with its source; else the closest articles.
 */
export function renderAnswer(answer: Answer, options: AnswerOptions): Reply {
  const language = options.language ?? 'en';
  const footer = footerText(answer.articlesSearched, options.elapsedMs, language);
  const [best] = answer.citations;
  const embed = !best
    ? unansweredEmbed(answer, footer, language)
    : answer.answered
      ? answeredEmbed(answer, footer, language)
      : bestMatchEmbed(answer, best, footer, language);
  const buttons = controlsRow(options.controls ?? {}, language);
  const { human, solved } = options.controls ?? {};
  const second: ButtonSpec[] = [
    ...(solved === undefined
      ? []
      : [
          {
            customId: solved,
            label: translate(language, 'button.solved'),
            emoji: '✅',
            style: ButtonStyle.Success,
          } as const,
        ]),
    ...(human === undefined
      ? []
      : [{ customId: human, label: translate(language, 'button.askHuman'), emoji: '🙋' }]),
  ];
  const rows = [
    ...(buttons.length === 0 ? [] : [buttonRow(buttons)]),
    ...(second.length === 0 ? [] : [buttonRow(second)]),
  ];
  const content =
    options.sharedByUserId !== undefined
      ? translate(language, 'answer.sharedBy', { user: `<@${options.sharedByUserId}>` })
      : options.mentionUserId !== undefined
        ? `<@${options.mentionUserId}>`
        : undefined;
  return finalize({
    ...(content === undefined ? {} : { content }),
    embeds: [embed],
    components: rows,
    ...(options.mentionUserId === undefined ? {} : { pingUserId: options.mentionUserId }),
    namedUserIds: options.sharedByUserId === undefined ? [] : [options.sharedByUserId],
    ephemeral: options.ephemeral ?? false,
  });
}
