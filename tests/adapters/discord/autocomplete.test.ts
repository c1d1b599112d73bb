import type { AutocompleteInteraction } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestChoices } from '../../../src/adapters/discord/autocomplete.ts';
import { cleanupContexts, fakeContext, fakeService } from './fakeService.ts';

afterEach(cleanupContexts);

function autocomplete(focused: string) {
  const responses: unknown[] = [];
  const interaction = {
    options: { getFocused: () => focused },
    respond: async (choices: unknown) => {
      responses.push(choices);
    },
  } as unknown as AutocompleteInteraction;
  return { interaction, responses };
}

describe('suggestChoices', () => {
  it('answers at most 25 choices with names of 1–100 characters and no duplicate values', async () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `${'n'.repeat(150)}${i}`,
      value: `v${i % 30}`,
    }));
    const ctx = await fakeContext(
      fakeService({
        suggest: async () => [
          { name: '   ', value: 'blank' },
          { name: 'ok', value: 'x'.repeat(101) },
          ...many,
        ],
      }),
    );
    const { interaction, responses } = autocomplete('par');
    await suggestChoices(interaction, ctx, 'question');
    const choices = responses[0] as { name: string; value: string }[];
    expect(choices).toHaveLength(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThan(0);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(new Set(choices.map((choice) => choice.value)).size).toBe(25);
  });

  it('passes the kind and the typed text to the service', async () => {
    const seen: unknown[] = [];
    const ctx = await fakeContext(
      fakeService({
        suggest: async (kind, partial, limit) => {
          seen.push([kind, partial, limit]);
          return [{ name: 'The Alliance', value: 'alliance.md' }];
        },
      }),
    );
    const { interaction, responses } = autocomplete('alli');
    await suggestChoices(interaction, ctx, 'article');
    expect(seen).toEqual([['article', 'alli', 25]]);
    expect(responses).toEqual([[{ name: 'The Alliance', value: 'alliance.md' }]]);
  });

  it('answers with no choices when the service fails', async () => {
    const ctx = await fakeContext(
      fakeService({
        suggest: async () => {
          throw new Error('index not ready');
        },
      }),
    );
    const { interaction, responses } = autocomplete('x');
    await suggestChoices(interaction, ctx, 'question');
    expect(responses).toEqual([[]]);
  });

  it('answers with no choices rather than miss the deadline when the service is slow', async () => {
    const ctx = await fakeContext(fakeService({ suggest: () => new Promise(() => {}) }));
    const quick = { ...ctx, tuning: { ...ctx.tuning, autocompleteTimeoutMs: 1 } };
    const { interaction, responses } = autocomplete('x');
    await suggestChoices(interaction, quick, 'question');
    expect(responses).toEqual([[]]);
  });
});
