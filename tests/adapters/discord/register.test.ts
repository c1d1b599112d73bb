import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../src/adapters/discord/commands/index.ts';
import { registerCommands } from '../../../src/adapters/discord/register.ts';
import { parseConfig } from '../../../src/config/index.ts';
import {
  type FakeDiscord,
  startFakeDiscord,
  watchOutboundConnections,
} from '../../support/fakeDiscord/index.ts';

let fake: FakeDiscord;

beforeEach(async () => {
  fake = await startFakeDiscord();
});

afterEach(async () => {
  await fake.close();
});

describe('registerCommands', () => {
  it('bulk-overwrites the global commands with the list the bot serves, through DISCORD_API_URL only', async () => {
    const watch = watchOutboundConnections();
    const done = await registerCommands(
      parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl }),
    );
    watch.stop();
    expect(done.scope).toBe('global');
    expect(done.names).toEqual(commands.map((command) => command.data.name));
    const put = fake.requestsMatching((request) => request.method === 'PUT');
    expect(put.map((request) => request.path)).toEqual([`/applications/${done.applicationId}/commands`]);
    expect(put[0]?.body).toEqual(commands.map((command) => command.data));
    expect(fake.unexpectedRequests()).toEqual([]);
    expect(watch.external()).toEqual([]);
  });

  it('registers to one server when DISCORD_GUILD_ID is set', async () => {
    const guildId = fake.world.guild.id;
    const done = await registerCommands(
      parseConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_URL: fake.apiUrl, DISCORD_GUILD_ID: guildId }),
    );
    expect(done.scope).toBe('guild');
    const put = fake.requestsMatching((request) => request.method === 'PUT');
    expect(put.map((request) => request.path)).toEqual([
      `/applications/${done.applicationId}/guilds/${guildId}/commands`,
    ]);
  });

  it('refuses to run without a token', async () => {
    await expect(registerCommands(parseConfig({}))).rejects.toThrow('register: DISCORD_TOKEN is not set');
  });
});
