import { setTimeout as delay } from 'node:timers/promises';
import type { AutocompleteInteraction } from 'discord.js';
import type { BotContext } from './context.ts';
import { cutQuestion } from './questionText.ts';
import { DiscordLimits } from './render/index.ts';
import { clip, oneLine } from './render/text.ts';
import { respondWithChoices } from './respond.ts';

/**
 * Drops halves of surrogate pairs: cutting text at 100 UTF-16 units can split an emoji, and
 * Discord reads JSON as UTF-8, which cannot hold half a character.
 */
function wholeCharacters(text: string): string {
  return text.replace(/[\ud800-\udfff]/gu, '');
}

/**
 * A suggestion's value within Discord's 100 characters: a question is cut; an article id that is
 * too long is replaced by the (cut) title, which `/article` finds by title.
 */
function choiceValue(kind: 'question' | 'article', value: string, name: string): string {
  const whole = wholeCharacters(value);
  if (whole.length <= DiscordLimits.choiceValue) return whole;
  return kind === 'article' ? name : wholeCharacters(clip(whole, DiscordLimits.choiceValue));
}

/**
 * Answers an autocomplete with up to 25 suggestions of `kind` for the focused text, inside
 * Discord's 3 seconds (autocomplete cannot defer): no suggestions when the service is slow or
 * fails. A value the user types freely is still accepted by the command itself.
 */
export async function suggestChoices(
  interaction: AutocompleteInteraction,
  ctx: BotContext,
  kind: 'question' | 'article',
): Promise<void> {
  const partial = cutQuestion(String(interaction.options.getFocused()));
  let choices: { name: string; value: string }[] = [];
  try {
    const timer = new AbortController();
    const suggestions = await Promise.race([
      ctx.service.suggest(kind, partial, DiscordLimits.choices),
      delay(ctx.tuning.autocompleteTimeoutMs, [], { signal: timer.signal, ref: false }),
    ]).finally(() => timer.abort());
    const seen = new Set<string>();
    for (const suggestion of suggestions) {
      const name = wholeCharacters(clip(oneLine(suggestion.name), DiscordLimits.choiceName));
      const value = choiceValue(kind, suggestion.value, name);
      if (name === '' || value === '' || seen.has(value)) continue;
      seen.add(value);
      choices.push({ name, value });
      if (choices.length === DiscordLimits.choices) break;
    }
  } catch (error) {
    ctx.logger.warn({ err: error, kind }, 'discord: autocomplete failed');
    choices = [];
  }
  await respondWithChoices(interaction, choices);
}
