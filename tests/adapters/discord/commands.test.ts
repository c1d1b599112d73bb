import { ApplicationCommandOptionType, ApplicationCommandType, GatewayIntentBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { intentsFor } from '../../../src/adapters/discord/client.ts';
import { commands, messageCommands, slashCommands } from '../../../src/adapters/discord/commands/index.ts';

describe('the command list', () => {
  it('describes every slash command in German too, within Discord limits', () => {
    for (const command of slashCommands) {
      const german = command.data.description_localizations?.de;
      expect(german, command.data.name).toBeTruthy();
      expect(german?.length ?? 0, command.data.name).toBeLessThanOrEqual(100);
    }
    expect(messageCommands[0]?.data.name_localizations?.de).toBe('Mit citebot beantworten');
  });

  it('gives the options of /ask, /search and /config German names that follow Discord rules', () => {
    const german = new Map<string, string>();
    const visit = (options: readonly { name: string; name_localizations?: unknown; options?: unknown }[]) => {
      for (const option of options) {
        const de = (option.name_localizations as { de?: string } | undefined)?.de;
        if (de !== undefined) {
          expect(de, option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
          german.set(option.name, de);
        }
        visit((option.options ?? []) as never);
      }
    };
    for (const command of slashCommands) visit((command.data.options ?? []) as never);
    expect(german.get('question')).toBe('frage');
    expect(german.get('query')).toBe('suchbegriff');
    expect(german.get('locale')).toBe('sprache');
  });

  it('gives every option and subcommand of every slash command a German description, and /kb German names', () => {
    type Option = {
      name: string;
      name_localizations?: { de?: string };
      description_localizations?: { de?: string };
      options?: readonly Option[];
    };
    const all = (options: readonly Option[] = []): Option[] =>
      options.flatMap((option) => [option, ...all(option.options)]);
    for (const command of slashCommands) {
      for (const option of all(command.data.options as readonly Option[] | undefined)) {
        const where = `${command.data.name} ${option.name}`;
        expect(option.description_localizations?.de, where).toBeTruthy();
        expect(option.description_localizations?.de?.length ?? 0, where).toBeLessThanOrEqual(100);
      }
    }
    const kb = slashCommands.find((command) => command.data.name === 'kb');
    const kbNames = all(kb?.data.options as readonly Option[] | undefined).map((option) => [
      option.name,
      option.name_localizations?.de,
    ]);
    expect(kbNames).toEqual([
      ['reload', 'neu-laden'],
      ['stats', 'statistik'],
      ['gaps', 'lücken'],
      ['days', 'tage'],
      ['learned', 'gelernt'],
    ]);
  });

  it('holds every command once, slash commands then the context menu', () => {
    expect(commands.map((command) => command.data.name)).toEqual([
      'ask',
      'search',
      'article',
      'help',
      'kb',
      'config',
      'Answer with citebot',
    ]);
    expect(messageCommands[0]?.data.type).toBe(ApplicationCommandType.Message);
  });

  it('follows Discord rules for names, descriptions and options', () => {
    for (const command of slashCommands) {
      expect(command.data.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.data.description.length).toBeGreaterThan(0);
      expect(command.data.description.length).toBeLessThanOrEqual(100);
      const options = command.data.options ?? [];
      expect(options.length).toBeLessThanOrEqual(25);
      for (const option of options) {
        expect(option.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(option.description.length).toBeLessThanOrEqual(100);
      }
    }
    for (const command of messageCommands) expect(command.data.name.length).toBeLessThanOrEqual(32);
  });

  it('gives autocomplete handlers exactly to the options that ask for it', () => {
    for (const command of slashCommands) {
      const autocompletes = (command.data.options ?? []).some(
        (option) => 'autocomplete' in option && option.autocomplete,
      );
      expect(command.autocomplete !== undefined).toBe(autocompletes);
    }
  });

  it('hides /kb from everyone but administrators by default', () => {
    const kb = slashCommands.find((command) => command.data.name === 'kb');
    expect(kb?.data.default_member_permissions).toBe('0');
    expect(kb?.data.options?.map((option) => [option.type, option.name])).toEqual([
      [ApplicationCommandOptionType.Subcommand, 'reload'],
      [ApplicationCommandOptionType.Subcommand, 'stats'],
      [ApplicationCommandOptionType.Subcommand, 'gaps'],
      [ApplicationCommandOptionType.Subcommand, 'learned'],
    ]);
  });
});

describe('intentsFor', () => {
  it('asks for Message Content only when answer channels need it', () => {
    expect(intentsFor(false)).not.toContain(GatewayIntentBits.MessageContent);
    expect(intentsFor(false)).toEqual([
      GatewayIntentBits.Guilds,
      GatewayIntentBits.GuildMessages,
      GatewayIntentBits.DirectMessages,
    ]);
    expect(intentsFor(true)).toContain(GatewayIntentBits.MessageContent);
  });
});
