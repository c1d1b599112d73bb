import type { APIActionRowComponent, APIButtonComponentWithCustomId, APIEmbed } from 'discord.js';
import { DiscordLimits } from './limits.ts';
import { scrubDeep } from './scrub.ts';
import { clip, neutralizeMentions } from './text.ts';

declare const rendered: unique symbol;

/** A text file to attach (UTF-8): its name and content, scrubbed like every other string. */
export interface Attachment {
  readonly name: string;
  readonly text: string;
}

/**
 * A message ready to send, produced only by {@link finalize}: every Discord limit holds and
 * `allowedMentions` parses nothing but `pingUserId`. The send helpers accept nothing else, so no
 * reply can bypass the renderer.
 */
export interface Reply {
  readonly content?: string;
  readonly embeds: readonly APIEmbed[];
  readonly components: readonly APIActionRowComponent<APIButtonComponentWithCustomId>[];
  readonly allowedMentions: {
    readonly parse: readonly [];
    readonly users: readonly string[];
    readonly roles: readonly string[];
    readonly repliedUser: false;
  };
  /** Only the person who asked sees it (interaction replies only). */
  readonly ephemeral: boolean;
  /** Files attached to the message (the CSV of `/kb gaps`). */
  readonly files: readonly Attachment[];
  readonly [rendered]: true;
}

/** What the view functions assemble before {@link finalize} enforces the rules. */
export interface Draft {
  readonly content?: string;
  readonly embeds?: readonly APIEmbed[];
  readonly components?: readonly APIActionRowComponent<APIButtonComponentWithCustomId>[];
  /** The one user this message means to ping. */
  readonly pingUserId?: string;
  /** The one role this message means to ping (the helper role of **Ask a human**). */
  readonly pingRoleId?: string;
  /** Users citebot itself names (shown as mentions, never pinged unless `pingUserId`). */
  readonly namedUserIds?: readonly string[];
  /** Roles citebot itself names in embeds (`/config show`); mentions in embeds never ping. */
  readonly namedRoleIds?: readonly string[];
  readonly ephemeral?: boolean;
  readonly files?: readonly Attachment[];
}

/** An empty field value or name is rejected by Discord. */
const blank = '\u200b';

interface Named {
  readonly users: readonly string[];
  readonly roles: readonly string[];
}

function cleanEmbed(embed: APIEmbed, named: Named): APIEmbed {
  const textOf = (value: string | undefined, max: number): string | undefined =>
    value === undefined ? undefined : clip(neutralizeMentions(value, named.users, named.roles), max);
  const out: APIEmbed = { ...embed };
  const title = textOf(embed.title, DiscordLimits.embedTitle);
  if (title !== undefined) out.title = title;
  const description = textOf(embed.description, DiscordLimits.embedDescription);
  if (description !== undefined) out.description = description;
  if (embed.footer !== undefined) {
    out.footer = { ...embed.footer, text: textOf(embed.footer.text, DiscordLimits.footer) || blank };
  }
  if (embed.author !== undefined) {
    out.author = { ...embed.author, name: textOf(embed.author.name, DiscordLimits.author) || blank };
  }
  if (embed.fields !== undefined) {
    out.fields = embed.fields.slice(0, DiscordLimits.embedFields).map((field) => ({
      ...field,
      name: textOf(field.name, DiscordLimits.fieldName) || blank,
      value: textOf(field.value, DiscordLimits.fieldValue) || blank,
    }));
  }
  return out;
}

/** The characters Discord counts towards the 6000 limit across a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  let total = (embed.title?.length ?? 0) + (embed.description?.length ?? 0);
  total += (embed.footer?.text.length ?? 0) + (embed.author?.name.length ?? 0);
  for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  return total;
}

/** Shortens the longest texts until the embeds fit the shared 6000-character budget. */
function fitTotal(embeds: APIEmbed[]): APIEmbed[] {
  let excess = embeds.reduce((sum, embed) => sum + embedLength(embed), 0) - DiscordLimits.embedsTotal;
  while (excess > 0) {
    let target: { embed: APIEmbed; key: 'description' | 'title' | number; length: number } | undefined;
    for (const embed of embeds) {
      const candidates: { key: 'description' | 'title' | number; length: number }[] = [
        { key: 'description', length: embed.description?.length ?? 0 },
        { key: 'title', length: embed.title?.length ?? 0 },
        ...(embed.fields ?? []).map((field, index) => ({ key: index, length: field.value.length })),
      ];
      for (const candidate of candidates) {
        if (target === undefined || candidate.length > target.length) target = { embed, ...candidate };
      }
    }
    if (target === undefined || target.length <= 1) break;
    const keep = Math.max(1, target.length - excess);
    if (target.key === 'description') target.embed.description = clip(target.embed.description ?? '', keep);
    else if (target.key === 'title') target.embed.title = clip(target.embed.title ?? '', keep);
    else {
      const field = target.embed.fields?.[target.key];
      if (field !== undefined) field.value = clip(field.value, keep) || blank;
    }
    excess = embeds.reduce((sum, embed) => sum + embedLength(embed), 0) - DiscordLimits.embedsTotal;
  }
  return embeds;
}

function cleanRows(
  rows: readonly APIActionRowComponent<APIButtonComponentWithCustomId>[],
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const out: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (const row of rows.slice(0, DiscordLimits.rows)) {
    const buttons = row.components
      .filter((button) => button.custom_id.length > 0 && button.custom_id.length <= DiscordLimits.customId)
      .slice(0, DiscordLimits.buttonsPerRow)
      .map((button) =>
        button.label === undefined
          ? button
          : { ...button, label: clip(neutralizeMentions(button.label), DiscordLimits.buttonLabel) },
      );
    if (buttons.length > 0) out.push({ ...row, components: buttons });
  }
  return out;
}

/**
 * The renderer's choke point: every reply, edit, update and follow-up is built here. Scrubs the
 * bot token and other secrets from every string (see `setRendererSecrets`), clips every
 * text to Discord's limits, breaks mention syntax everywhere except the users (and, in embeds,
 * roles) citebot names itself, and parses no mention except the one intended ping.
 */
export function finalize(unsafe: Draft): Reply {
  // First, so that every limit below holds for the text actually sent.
  const draft = scrubDeep(unsafe);
  const named = [
    ...(draft.namedUserIds ?? []),
    ...(draft.pingUserId === undefined ? [] : [draft.pingUserId]),
  ];
  const pingRoles = draft.pingRoleId === undefined ? [] : [draft.pingRoleId];
  const embeds = fitTotal(
    (draft.embeds ?? [])
      .slice(0, DiscordLimits.embeds)
      .map((embed) =>
        cleanEmbed(embed, { users: named, roles: [...(draft.namedRoleIds ?? []), ...pingRoles] }),
      ),
  );
  const content =
    draft.content === undefined
      ? undefined
      : clip(neutralizeMentions(draft.content, named, pingRoles), DiscordLimits.content);
  const reply = {
    ...(content === undefined || content === '' ? {} : { content }),
    embeds,
    components: cleanRows(draft.components ?? []),
    allowedMentions: {
      parse: [] as const,
      users: draft.pingUserId === undefined ? [] : [draft.pingUserId],
      roles: pingRoles,
      repliedUser: false as const,
    },
    ephemeral: draft.ephemeral ?? false,
    files: draft.files ?? [],
  };
  // The brand marks the result as renderer-made; only this function applies it.
  // A message must carry something; an empty draft becomes an invisible placeholder.
  if (reply.content === undefined && embeds.length === 0)
    return { ...reply, content: blank } as unknown as Reply;
  return reply as unknown as Reply;
}
