import { createHash } from 'node:crypto';
import {
  type APIApplication,
  type APIApplicationCommand,
  type APIApplicationCommandOption,
  type APIGatewayBotInfo,
  type ApplicationFlags,
  ApplicationIntegrationType,
  OAuth2Scopes,
} from 'discord.js';
import { guildObject } from '../payloads/guilds.ts';
import { snowflake } from '../snowflake.ts';
import type { FakeWorld } from '../world.ts';
import { errors, json, type RestResponse } from './responses.ts';
import type { Route, RouteContext } from './router.ts';
import { FormErrors, validateCommands } from './validate.ts';

type Json = Record<string, unknown>;

/** `GET /gateway/bot`: the only call `client.login()` makes before opening the gateway. */
function gatewayBot({ gatewayUrl, world }: RouteContext): RestResponse {
  const info: APIGatewayBotInfo = {
    url: gatewayUrl,
    shards: world.shards,
    session_start_limit: {
      total: 1000,
      remaining: 999,
      reset_after: 14_400_000,
      max_concurrency: world.maxConcurrency,
    },
  };
  return json(info);
}

function application(world: FakeWorld): APIApplication {
  return {
    id: world.application.id,
    name: world.application.name,
    icon: null,
    description: 'Answers questions from a folder of articles, with citations.',
    summary: '',
    bot_public: true,
    bot_require_code_grant: false,
    bot: world.bot,
    verify_key: createHash('sha256').update(world.application.id).digest('hex'),
    team: null,
    flags: world.application.flags as ApplicationFlags,
    flags_new: String(world.application.flags),
    approximate_guild_count: world.guilds.length,
    redirect_uris: [],
    interactions_endpoint_url: null,
    integration_types_config: {
      [ApplicationIntegrationType.GuildInstall]: {
        oauth2_install_params: {
          scopes: [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands],
          permissions: '0',
        },
      },
    },
  };
}

/**
 * `PUT …/commands` (bulk overwrite): echoes the list as Discord stores it. A command keeps its id
 * when a command of the same name and type existed, as on Discord; limits are checked.
 */
function putCommands(context: RouteContext): RestResponse {
  const { world, params, body } = context;
  if (params.app !== world.application.id) return errors.unknownApplication();
  if (params.guild !== undefined && !world.guildById(params.guild)) return errors.unknownGuild();
  const formErrors = new FormErrors();
  validateCommands(body, formErrors);
  if (!formErrors.empty) return errors.invalidFormBody(formErrors.toJSON());
  const key = params.guild ?? 'global';
  const previous = world.commands.get(key) ?? [];
  const commands = (body as Json[]).map((input): APIApplicationCommand => {
    const type = Number(input.type ?? 1);
    const name = String(input.name);
    return {
      id: previous.find((command) => command.name === name && command.type === type)?.id ?? snowflake(),
      application_id: world.application.id,
      version: snowflake(),
      type,
      name,
      name_localizations: (input.name_localizations as APIApplicationCommand['name_localizations']) ?? null,
      description: String(input.description ?? ''),
      description_localizations:
        (input.description_localizations as APIApplicationCommand['description_localizations']) ?? null,
      ...(Array.isArray(input.options) ? { options: input.options as APIApplicationCommandOption[] } : {}),
      default_member_permissions:
        input.default_member_permissions == null ? null : String(input.default_member_permissions),
      nsfw: input.nsfw === true,
      integration_types: (input.integration_types as ApplicationIntegrationType[] | undefined) ?? [
        ApplicationIntegrationType.GuildInstall,
      ],
      contexts: (input.contexts as APIApplicationCommand['contexts']) ?? null,
      ...(params.guild !== undefined ? { guild_id: params.guild } : {}),
    };
  });
  world.commands.set(key, commands);
  return json(commands);
}

function getCommands({ world, params }: RouteContext): RestResponse {
  if (params.app !== world.application.id) return errors.unknownApplication();
  return json(world.commands.get(params.guild ?? 'global') ?? []);
}

function getMember({ world, params }: RouteContext): RestResponse {
  if (!world.guildById(params.guild ?? '')) return errors.unknownGuild();
  const member = world.findMember(params.guild ?? '', params.user ?? '');
  return member ? json(member) : errors.unknownMember();
}

function getGuild({ world, params }: RouteContext): RestResponse {
  const guild = world.guildById(params.guild ?? '');
  return guild ? json(guildObject(guild)) : errors.unknownGuild();
}

function getUser({ world, params }: RouteContext): RestResponse {
  const user = world.users.get(params.user ?? '');
  return user ? json(user) : errors.unknownUser();
}

/** Gateway discovery, the application, users, guilds and command registration. */
export const applicationRoutes: readonly Route[] = [
  { method: 'GET', path: '/gateway/bot', auth: true, handle: gatewayBot },
  { method: 'GET', path: '/gateway', auth: false, handle: ({ gatewayUrl }) => json({ url: gatewayUrl }) },
  { method: 'GET', path: '/applications/@me', auth: true, handle: ({ world }) => json(application(world)) },
  {
    method: 'GET',
    path: '/oauth2/applications/@me',
    auth: true,
    handle: ({ world }) => json(application(world)),
  },
  { method: 'GET', path: '/users/@me', auth: true, handle: ({ world }) => json(world.bot) },
  { method: 'GET', path: '/users/:user', auth: true, handle: getUser },
  { method: 'GET', path: '/guilds/:guild', auth: true, handle: getGuild },
  { method: 'GET', path: '/guilds/:guild/members/:user', auth: true, handle: getMember },
  { method: 'PUT', path: '/applications/:app/commands', auth: true, handle: putCommands },
  { method: 'GET', path: '/applications/:app/commands', auth: true, handle: getCommands },
  { method: 'PUT', path: '/applications/:app/guilds/:guild/commands', auth: true, handle: putCommands },
  { method: 'GET', path: '/applications/:app/guilds/:guild/commands', auth: true, handle: getCommands },
];
