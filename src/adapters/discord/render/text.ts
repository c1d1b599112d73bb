import { escapeMarkdown } from 'discord.js';
import type { Snippet } from '../../../core/types.ts';

const ellipsis = '…';
const zeroWidthSpace = '\u200b';

/** The longest prefix of `text` within `max` units that splits no surrogate pair or escape. */
function cutSafe(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  let backslashes = 0;
  while (backslashes < end && text.charCodeAt(end - 1 - backslashes) === 0x5c) backslashes += 1;
  return text.slice(0, backslashes % 2 === 1 ? end - 1 : end);
}

/**
 * Cuts `text` to at most `max` UTF-16 units (Discord counts no more than that), ending in `…`.
 * Never splits a surrogate pair and never leaves a lone escaping backslash at the end, which
 * would swallow whatever markdown follows.
 */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max < ellipsis.length) return '';
  return cutSafe(text, max - ellipsis.length) + ellipsis;
}

/**
 * Breaks mention syntax so text shows as written and could never ping, even if a payload
 * somewhere forgot `allowed_mentions`: `@everyone`, `@here`, `<@id>`, `<@!id>`, `<@&id>`.
 * Mentions of `keepUserIds` (written by citebot itself) are left intact.
 */
export function neutralizeMentions(
  text: string,
  keepUserIds: readonly string[] = [],
  keepRoleIds: readonly string[] = [],
): string {
  return text
    .replace(/@(everyone|here)/gi, `@${zeroWidthSpace}$1`)
    .replace(/<@([!&]?)(\d+)>/g, (whole, kind: string, id: string) =>
      (kind === '' && keepUserIds.includes(id)) || (kind === '&' && keepRoleIds.includes(id))
        ? whole
        : `<@${zeroWidthSpace}${kind}${id}>`,
    );
}

/** Control characters other than line breaks and tabs have no business in a message. */
function stripControls(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '');
}

/** Collapses all whitespace (line breaks included) to single spaces. */
export function oneLine(text: string): string {
  return stripControls(text).replace(/\s+/g, ' ').trim();
}

/** Keeps paragraph breaks (at most one blank line) and collapses other whitespace. */
export function paragraphs(text: string): string {
  return stripControls(text)
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Markdown-escapes untrusted text (articles, questions) so it shows literally. */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true, maskedLink: true });
}

/**
 * Untrusted text for a single line, at most `max` characters: whitespace collapsed, escaped,
 * mentions broken. The raw text is cut first, because escaping is slow on huge hostile input and
 * only ever makes text longer.
 */
export function safeLine(text: string, max: number): string {
  const line = oneLine(cutSafe(text, 64 * max + 64));
  return clip(neutralizeMentions(escapeText(cutSafe(line, max + 1))), max);
}

/** Untrusted multi-line text (paragraph breaks kept), escaped, at most `max` characters. */
export function safeParagraphs(text: string, max: number): string {
  const body = paragraphs(cutSafe(text, 64 * max + 64));
  return clip(neutralizeMentions(escapeText(cutSafe(body, max + 1))), max);
}

/** An http(s) URL safe inside `[label](url)`, or undefined when it is not one. */
export function safeUrl(url: string | undefined): string | undefined {
  if (url === undefined || !URL.canParse(url)) return undefined;
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return undefined;
  const href = parsed.href.replace(/[()<>\s]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return href.length <= 512 ? href : undefined;
}

/** A masked link whose label is untrusted text; plain escaped text when the URL is unusable. */
export function link(label: string, url: string | undefined, maxLabel: number): string {
  // Every bracket escaped exactly once (escaping doubled any backslash before it), so the label
  // can never close the link early or open one of its own.
  const line = cutSafe(oneLine(cutSafe(label, 64 * maxLabel + 64)), maxLabel + 1);
  const escaped = escapeMarkdown(line, { heading: true }).replace(/[[\]]/g, '\\$&');
  const text = clip(neutralizeMentions(escaped), maxLabel);
  const href = safeUrl(url);
  return href === undefined ? text : `[${text}](${href})`;
}

/** Sorted, clamped, merged marks, so bold markers never nest or touch. */
function normalizeMarks(snippet: Snippet): { start: number; end: number }[] {
  const length = snippet.text.length;
  const sorted = snippet.marks
    .map((mark) => ({
      start: Math.max(0, Math.min(mark.start, length)),
      end: Math.max(0, Math.min(mark.end, length)),
    }))
    .filter((mark) => mark.end > mark.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const mark of sorted) {
    const previous = merged.at(-1);
    if (previous !== undefined && mark.start <= previous.end) previous.end = Math.max(previous.end, mark.end);
    else merged.push({ ...mark });
  }
  return merged;
}

/**
 * A snippet as one escaped line with its matched terms in bold, at most `max` characters.
 * Each piece is escaped on its own, so article text can never open or close our bold.
 */
export function formatSnippet(snippet: Snippet, max: number): string {
  // Bounded work on hostile input; the raw cut leaves room for whitespace that collapses.
  const text = cutSafe(snippet.text, 2 * max + 8);
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const mark of normalizeMarks({ text, marks: snippet.marks })) {
    if (mark.start > at) pieces.push({ text: text.slice(at, mark.start), marked: false });
    pieces.push({ text: text.slice(mark.start, mark.end), marked: true });
    at = mark.end;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });

  let out = '';
  for (const [index, piece] of pieces.entries()) {
    const raw = stripControls(piece.text).replace(/\s+/g, ' ');
    const core = piece.marked ? raw.trim() : raw;
    if (core === '') {
      if (raw !== '' && out.length < max) out += ' ';
      continue;
    }
    const escaped = neutralizeMentions(escapeText(core));
    const lead = piece.marked && raw.startsWith(' ') ? ' ' : '';
    const tail = piece.marked && raw.endsWith(' ') ? ' ' : '';
    const whole = piece.marked ? `${lead}**${escaped}**${tail}` : escaped;
    const isLast = index === pieces.length - 1;
    if (out.length + whole.length <= max - (isLast ? 0 : ellipsis.length)) {
      out += whole;
      continue;
    }
    const room = max - out.length - ellipsis.length;
    if (!piece.marked) return cutSafe(out + escaped, max - ellipsis.length).trimEnd() + ellipsis;
    const inner = cutSafe(escaped, room - lead.length - 4).trimEnd();
    if (inner !== '') out += `${lead}**${inner}**`;
    return out.trimEnd() + ellipsis;
  }
  return out.trim();
}
