import {
  type APIApplicationCommandInteractionDataBasicOption,
  type APIApplicationCommandInteractionDataOption,
  type APIInteractionDataResolved,
  type APIInteractionDataResolvedChannel,
  type APIRole,
  type APIUser,
  ApplicationCommandOptionType,
} from 'discord.js';
import type { FakeWorld } from '../world.ts';
import { memberWithoutUser } from './messages.ts';

/**
 * One option a user filled in. Build them with {@link opt}; the interaction builders turn them into
 * `data.options` typed the way Discord types them, and USER options into `data.resolved`.
 */
export type OptionInput =
  | { readonly kind: 'string'; readonly name: string; readonly value: string; readonly focused?: boolean }
  | { readonly kind: 'integer'; readonly name: string; readonly value: number; readonly focused?: boolean }
  | { readonly kind: 'number'; readonly name: string; readonly value: number; readonly focused?: boolean }
  | { readonly kind: 'boolean'; readonly name: string; readonly value: boolean }
  | { readonly kind: 'user'; readonly name: string; readonly user: APIUser }
  | {
      readonly kind: 'channel';
      readonly name: string;
      readonly channel: { readonly id: string; readonly type: number; readonly name?: string | null };
    }
  | { readonly kind: 'role'; readonly name: string; readonly role: APIRole };

/** Mark an option as the one being typed, for autocomplete. */
interface FocusOption {
  readonly focused?: boolean;
}

/** Builders for {@link OptionInput}: `opt.string('question', 'how do I…', { focused: true })`. */
export const opt = {
  string: (name: string, value: string, extra: FocusOption = {}): OptionInput => ({
    kind: 'string',
    name,
    value,
    ...extra,
  }),
  integer: (name: string, value: number, extra: FocusOption = {}): OptionInput => ({
    kind: 'integer',
    name,
    value,
    ...extra,
  }),
  number: (name: string, value: number, extra: FocusOption = {}): OptionInput => ({
    kind: 'number',
    name,
    value,
    ...extra,
  }),
  boolean: (name: string, value: boolean): OptionInput => ({ kind: 'boolean', name, value }),
  user: (name: string, user: APIUser): OptionInput => ({ kind: 'user', name, user }),
  channel: (
    name: string,
    channel: { readonly id: string; readonly type: number; readonly name?: string | null },
  ): OptionInput => ({ kind: 'channel', name, channel }),
  role: (name: string, role: APIRole): OptionInput => ({ kind: 'role', name, role }),
} as const;

/** Where the chosen options sit: directly on the command, in a subcommand, or in a group's subcommand. */
export interface OptionPath {
  readonly subcommand?: string;
  readonly subcommandGroup?: string;
}

/**
 * `data.options` and `data.resolved` for a command invocation. USER options resolve to the user and,
 * inside a guild, to the member (without `user`, with `permissions`), as Discord sends them.
 */
export function commandOptions(
  world: FakeWorld,
  inputs: readonly OptionInput[],
  path: OptionPath,
  guildId: string | null,
): { options: APIApplicationCommandInteractionDataOption[]; resolved?: APIInteractionDataResolved } {
  const resolved: Resolved = { users: {}, members: {}, channels: {}, roles: {} };
  const basic = inputs.map((input) => basicOption(world, input, guildId, resolved));
  let options: APIApplicationCommandInteractionDataOption[] = basic;
  if (path.subcommand !== undefined) {
    const subcommand = {
      type: ApplicationCommandOptionType.Subcommand,
      name: path.subcommand,
      options: basic,
    } as const;
    options = [subcommand];
    if (path.subcommandGroup !== undefined) {
      options = [
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: path.subcommandGroup,
          options: [subcommand],
        },
      ];
    }
  } else if (path.subcommandGroup !== undefined) {
    throw new Error(`fakeDiscord: subcommand group '${path.subcommandGroup}' needs a subcommand`);
  }
  const present = Object.fromEntries(
    Object.entries(resolved).filter(([, entries]) => Object.keys(entries).length > 0),
  ) as APIInteractionDataResolved;
  return Object.keys(present).length > 0 ? { options, resolved: present } : { options };
}

type Resolved = Required<Pick<APIInteractionDataResolved, 'users' | 'members' | 'channels' | 'roles'>>;

function basicOption(
  world: FakeWorld,
  input: OptionInput,
  guildId: string | null,
  resolved: Resolved,
): APIApplicationCommandInteractionDataBasicOption {
  const focused = 'focused' in input && input.focused ? { focused: true } : {};
  switch (input.kind) {
    case 'string':
      return { type: ApplicationCommandOptionType.String, name: input.name, value: input.value, ...focused };
    case 'integer':
      return { type: ApplicationCommandOptionType.Integer, name: input.name, value: input.value, ...focused };
    case 'number':
      return { type: ApplicationCommandOptionType.Number, name: input.name, value: input.value, ...focused };
    case 'boolean':
      return { type: ApplicationCommandOptionType.Boolean, name: input.name, value: input.value };
    case 'user': {
      const user = world.rememberUser(input.user);
      resolved.users[user.id] = user;
      if (guildId !== null) {
        resolved.members[user.id] = {
          ...memberWithoutUser(world.member(guildId, user)),
          permissions: world.permissionsOf(guildId, user.id).toString(),
        };
      }
      return { type: ApplicationCommandOptionType.User, name: input.name, value: user.id };
    }
    case 'channel':
      resolved.channels[input.channel.id] = {
        id: input.channel.id,
        type: input.channel.type,
        name: input.channel.name ?? null,
        permissions: '0',
      } as APIInteractionDataResolvedChannel;
      return { type: ApplicationCommandOptionType.Channel, name: input.name, value: input.channel.id };
    case 'role':
      resolved.roles[input.role.id] = input.role;
      return { type: ApplicationCommandOptionType.Role, name: input.name, value: input.role.id };
  }
}
