import type { AutocompleteInteraction } from 'discord.js';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { suggestChoices } from '../../../src/adapters/discord/autocomplete.ts';
import type { Engine } from '../../../src/core/engine.ts';
import { expectValidChoices } from '../../support/answers.ts';
import { engineFrom, shippedEngine } from '../../support/knowledge.ts';
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

/** Discord's limits on choices, over a real engine (moved here from the core: they are Discord's). */
describe('suggestChoices over a real engine', () => {
  const longTitle = `Blockchain ${'very long title words '.repeat(8)}end`;
  const longId = `${'deep/'.repeat(25)}tomatoes.md`;
  const engine = engineFrom({
    'long.md': `# ${longTitle}\n\nText.`,
    [longId]: '# Growing tomatoes\n\nTomatoes need sun.',
    'b.md': '# Beans\n\nBeans climb.',
  });
  const over = (e: Engine) =>
    fakeService({ suggest: async (kind, partial, limit) => e.suggest(kind, partial, limit) });

  async function choicesFor(kind: 'question' | 'article', typed: string, e: Engine = engine) {
    const ctx = await fakeContext(over(e));
    const { interaction, responses } = autocomplete(typed);
    await suggestChoices(interaction, ctx, kind);
    return responses[0] as { name: string; value: string }[];
  }

  it('clips names to 100 characters', async () => {
    const [choice] = await choicesFor('article', 'blockchain very');
    expect(choice?.name.length).toBeLessThanOrEqual(100);
    expect(choice?.name.length).toBeGreaterThan(90);
    expect(choice?.name.endsWith('…')).toBe(true);
    expect(choice?.value).toBe('long.md');
  });

  it('clips a long typed question to 100 characters', async () => {
    const [typed] = await choicesFor('question', 'why '.repeat(100));
    expect(typed?.value.length).toBeLessThanOrEqual(100);
    expect(typed?.name.length).toBeLessThanOrEqual(100);
  });

  it('offers an article whose id is longer than 100 characters by a value that finds it again', async () => {
    const [choice] = await choicesFor('article', 'growing');
    expectValidChoices(choice ? [choice] : []);
    expect(engine.article(choice?.value ?? '')?.source).toBe(longId);
  });

  it('keeps names and values within 1–100 characters over the shipped knowledge', async () => {
    const shipped = await shippedEngine();
    for (const kind of ['article', 'question'] as const) {
      for (const partial of ['', 'b', 'blockchain', 'x'.repeat(500)]) {
        expectValidChoices(await choicesFor(kind, partial, shipped));
      }
    }
  });

  it('stays within Discord’s limits for any string', async () => {
    const shipped = await shippedEngine();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.constantFrom('🚀🎉💥'.repeat(50), '\ud800 lone surrogate \udfff', 'Allianz'.repeat(2000)),
          fc.string({ unit: 'binary', maxLength: 300 }),
        ),
        fc.constantFrom('question' as const, 'article' as const),
        async (partial, kind) => {
          expectValidChoices(await choicesFor(kind, partial, shipped));
        },
      ),
      { numRuns: 100 },
    );
  });
});
