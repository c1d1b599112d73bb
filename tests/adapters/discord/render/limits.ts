import { expect } from 'vitest';
import type { Reply } from '../../../../src/adapters/discord/render/index.ts';
import { DiscordLimits, embedLength } from '../../../../src/adapters/discord/render/index.ts';

/** Asserts every Discord limit on a rendered reply (shared by the renderer tests). */
export function expectWithinLimits(reply: Reply): void {
  expect(reply.content === undefined || reply.content.length <= DiscordLimits.content).toBe(true);
  expect(reply.content !== undefined || reply.embeds.length > 0).toBe(true);
  expect(reply.embeds.length).toBeLessThanOrEqual(DiscordLimits.embeds);
  let total = 0;
  for (const embed of reply.embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedTitle);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedDescription);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DiscordLimits.footer);
    expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.embedFields);
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeGreaterThan(0);
      expect(field.name.length).toBeLessThanOrEqual(DiscordLimits.fieldName);
      expect(field.value.length).toBeGreaterThan(0);
      expect(field.value.length).toBeLessThanOrEqual(DiscordLimits.fieldValue);
    }
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(DiscordLimits.embedsTotal);
  expect(reply.components.length).toBeLessThanOrEqual(DiscordLimits.rows);
  for (const row of reply.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(DiscordLimits.buttonsPerRow);
    for (const button of row.components) {
      expect(button.label?.length ?? 0).toBeLessThanOrEqual(DiscordLimits.buttonLabel);
      expect(button.custom_id.length).toBeGreaterThan(0);
      expect(button.custom_id.length).toBeLessThanOrEqual(DiscordLimits.customId);
    }
    const ids = row.components.map((button) => button.custom_id);
    expect(new Set(ids).size).toBe(ids.length);
  }
}

/** All text of a reply that Discord would parse for mentions or show. */
export function allText(reply: Reply): string {
  const parts = [reply.content ?? ''];
  for (const embed of reply.embeds) {
    parts.push(embed.title ?? '', embed.description ?? '', embed.footer?.text ?? '');
    for (const field of embed.fields ?? []) parts.push(field.name, field.value);
  }
  return parts.join('\n');
}

/** Asserts that nothing in the reply pings or even looks like a mention, except `allowed`. */
export function expectNoMentions(reply: Reply, allowed: { ping?: string; named?: string } = {}): void {
  expect(reply.allowedMentions.parse).toEqual([]);
  expect(reply.allowedMentions.repliedUser).toBe(false);
  expect(reply.allowedMentions.users).toEqual(allowed.ping === undefined ? [] : [allowed.ping]);
  const text = allText(reply);
  expect(text).not.toMatch(/@(everyone|here)/i);
  expect(text).not.toMatch(/<@[!&]\d+>/);
  const userMentions = [...text.matchAll(/<@(\d+)>/g)].map((match) => match[1]);
  for (const id of userMentions) expect([allowed.ping, allowed.named]).toContain(id);
}
