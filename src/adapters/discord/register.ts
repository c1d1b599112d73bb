import { REST, Routes } from 'discord.js';
import { type Config, ConfigError, isEntryPoint, loadProjectEnv, parseConfig } from '../../config/index.ts';
import { scrubSecrets } from '../../secrets.ts';
import { commands } from './commands/index.ts';

/** What a registration did. */
export interface Registration {
  readonly scope: 'global' | 'guild';
  readonly applicationId: string;
  readonly names: readonly string[];
}

/**
 * Bulk-overwrites the application's commands with citebot's command list: to DISCORD_GUILD_ID
 * when set (instant, for development), else globally. Honours DISCORD_API_URL like the bot.
 */
export async function registerCommands(config: Config): Promise<Registration> {
  if (config.discordToken === undefined) {
    throw new Error('register: DISCORD_TOKEN is not set (put it in .env; see .env.example)');
  }
  const rest = new REST(config.discordApiUrl === undefined ? {} : { api: config.discordApiUrl }).setToken(
    config.discordToken,
  );
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  const body = commands.map((command) => command.data);
  const route =
    config.discordGuildId === undefined
      ? Routes.applicationCommands(application.id)
      : Routes.applicationGuildCommands(application.id, config.discordGuildId);
  const saved = (await rest.put(route, { body })) as { name: string }[];
  return {
    scope: config.discordGuildId === undefined ? 'global' : 'guild',
    applicationId: application.id,
    names: saved.map((command) => command.name),
  };
}

async function main(): Promise<number> {
  loadProjectEnv();
  let config: Config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    process.stderr.write(`${error instanceof ConfigError ? error.message : String(error)}\n`);
    return 1;
  }
  try {
    const done = await registerCommands(config);
    const where =
      done.scope === 'guild' ? `server ${config.discordGuildId}` : 'all servers (may take up to an hour)';
    process.stdout.write(`Registered ${done.names.length} commands for ${where}: ${done.names.join(', ')}\n`);
    return 0;
  } catch (error) {
    const text = error instanceof Error ? error.message : String(error);
    process.stderr.write(
      `${scrubSecrets(text.startsWith('register:') ? text : `register: ${text}`, [config.discordToken])}\n`,
    );
    return 1;
  }
}

if (isEntryPoint(import.meta.url)) {
  process.exitCode = await main();
}
