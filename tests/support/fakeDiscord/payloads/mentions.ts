import type { APIAllowedMentions, APIUser } from 'discord.js';
import type { FakeWorld } from '../world.ts';

/** Who a message actually pings, as Discord reports it on the message object it returns. */
export interface ResolvedMentions {
  readonly mentions: APIUser[];
  readonly mention_roles: string[];
  readonly mention_everyone: boolean;
}

/**
 * How Discord parses mentions when a request carries no `allowed_mentions`: channel messages ping
 * everything; interaction responses and webhook messages ping users only.
 */
export type MentionDefaults = 'message' | 'webhook';

const DEFAULT_PARSE: Record<MentionDefaults, readonly string[]> = {
  message: ['users', 'roles', 'everyone'],
  webhook: ['users'],
};

/**
 * Works out the pings of `content` under `allowed` (or the defaults when absent), including the
 * author of a replied-to message. Edits call this again, so an edit without `allowed_mentions`
 * re-parses with the defaults, exactly the trap DISCORD.md warns about.
 */
export function resolveMentions(
  world: FakeWorld,
  content: string,
  allowed: APIAllowedMentions | undefined,
  defaults: MentionDefaults,
  repliedUser?: APIUser,
): ResolvedMentions {
  const parse = new Set<string>(allowed ? (allowed.parse ?? []) : DEFAULT_PARSE[defaults]);
  const allowedUsers = new Set(allowed?.users ?? []);
  const allowedRoles = new Set(allowed?.roles ?? []);
  const mentions = new Map<string, APIUser>();
  for (const [, id] of content.matchAll(/<@!?(\d{17,20})>/g)) {
    const user = id ? world.users.get(id) : undefined;
    if (user && (parse.has('users') || allowedUsers.has(user.id))) mentions.set(user.id, user);
  }
  if (repliedUser && (allowed === undefined || allowed.replied_user === true)) {
    mentions.set(repliedUser.id, repliedUser);
  }
  const mentionRoles = [...content.matchAll(/<@&(\d{17,20})>/g)]
    .map(([, id]) => id ?? '')
    .filter((id) => parse.has('roles') || allowedRoles.has(id));
  return {
    mentions: [...mentions.values()],
    mention_roles: [...new Set(mentionRoles)],
    mention_everyone: parse.has('everyone') && /@(everyone|here)\b/.test(content),
  };
}
