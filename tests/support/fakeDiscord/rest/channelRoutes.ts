import { createBotMessage, editBotMessage } from './botMessages.ts';
import { discordError, errors, json, noContent, type RestResponse } from './responses.ts';
import type { Route, RouteContext } from './router.ts';
import { FormErrors, hasMessageContent, validateMessage } from './validate.ts';

type Json = Record<string, unknown>;

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function getChannel({ world, params }: RouteContext): RestResponse {
  const channel = world.channel(params.channel ?? '');
  return channel ? json(channel) : errors.unknownChannel();
}

/**
 * `POST /channels/{id}/messages` (send, `message.reply`). A `message_reference` to a message the
 * fake never saw fails like Discord's, unless `fail_if_not_exists` is false.
 */
function createMessage({ world, params, body, files }: RouteContext): RestResponse {
  const channel = world.channel(params.channel ?? '');
  if (!channel) return errors.unknownChannel();
  const request = asObject(body);
  const formErrors = new FormErrors();
  validateMessage(request, formErrors);
  const reference = asObject(request.message_reference);
  if (reference.message_id !== undefined && !world.messages.has(String(reference.message_id))) {
    if (reference.fail_if_not_exists !== false) {
      formErrors.add(['message_reference'], 'REPLIES_UNKNOWN_MESSAGE', 'Unknown message');
    }
  }
  if (!formErrors.empty) return errors.invalidFormBody(formErrors.toJSON());
  if (!hasMessageContent(request, files.length)) return errors.emptyMessage();
  const message = createBotMessage(world, {
    channelId: channel.id,
    body: request,
    origin: { kind: 'channel' },
    files,
  });
  channel.last_message_id = message.id;
  return json(message);
}

function getMessage({ world, params }: RouteContext): RestResponse {
  if (!world.channel(params.channel ?? '')) return errors.unknownChannel();
  const message = world.messages.get(params.message ?? '');
  return message?.channel_id === params.channel ? json(message) : errors.unknownMessage();
}

function editMessage({ world, params, body }: RouteContext): RestResponse {
  if (!world.channel(params.channel ?? '')) return errors.unknownChannel();
  const message = world.messages.get(params.message ?? '');
  if (!message || message.channel_id !== params.channel) return errors.unknownMessage();
  if (message.author.id !== world.bot.id) {
    return discordError(403, 50005, 'Cannot edit a message authored by another user');
  }
  const request = asObject(body);
  const formErrors = new FormErrors();
  validateMessage(request, formErrors);
  if (!formErrors.empty) return errors.invalidFormBody(formErrors.toJSON());
  return json(editBotMessage(world, message, request, 'message'));
}

function deleteMessage({ world, params }: RouteContext): RestResponse {
  if (!world.channel(params.channel ?? '')) return errors.unknownChannel();
  const message = world.messages.get(params.message ?? '');
  if (!message || message.channel_id !== params.channel) return errors.unknownMessage();
  world.messages.delete(message.id);
  return noContent();
}

/** `POST /users/@me/channels`: the (stable) DM channel with a user the fake knows. */
function openDm({ world, body }: RouteContext): RestResponse {
  const user = world.users.get(String(asObject(body).recipient_id));
  if (!user) {
    const formErrors = new FormErrors();
    formErrors.add(['recipient_id'], 'NUMBER_TYPE_COERCE', 'Value is not snowflake.');
    return errors.invalidFormBody(formErrors.toJSON());
  }
  return json(world.dmChannel(user));
}

/**
 * `PATCH /channels/{id}` on a thread (forum post): `applied_tags` (each must be one of the forum's
 * tags), `archived`, `locked`, `name`. Other channels answer 403, as editing them needs Manage Channels.
 */
function editChannel({ world, params, body }: RouteContext): RestResponse {
  const thread = world.thread(params.channel ?? '');
  if (!thread)
    return world.channel(params.channel ?? '') ? errors.missingPermissions() : errors.unknownChannel();
  const request = asObject(body);
  const forum = world.channel(thread.parent_id ?? '');
  const tags = new Set(
    (forum && 'available_tags' in forum ? forum.available_tags : []).map((tag: { id: string }) => tag.id),
  );
  if (request.applied_tags !== undefined) {
    const applied = Array.isArray(request.applied_tags) ? request.applied_tags.map(String) : [];
    if (applied.some((id) => !tags.has(id)) || applied.length > 5) {
      const formErrors = new FormErrors();
      formErrors.add(['applied_tags'], 'BASE_TYPE_INVALID', 'Unknown tag');
      return errors.invalidFormBody(formErrors.toJSON());
    }
    thread.applied_tags = applied;
  }
  const metadata = thread.thread_metadata;
  if (metadata !== undefined) {
    if (typeof request.archived === 'boolean') metadata.archived = request.archived;
    if (typeof request.locked === 'boolean') metadata.locked = request.locked;
  }
  if (typeof request.name === 'string') thread.name = request.name;
  return json(thread);
}

/** Channel, message and DM routes. */
export const channelRoutes: readonly Route[] = [
  { method: 'GET', path: '/channels/:channel', auth: true, handle: getChannel },
  { method: 'PATCH', path: '/channels/:channel', auth: true, handle: editChannel },
  { method: 'POST', path: '/channels/:channel/messages', auth: true, handle: createMessage },
  { method: 'GET', path: '/channels/:channel/messages/:message', auth: true, handle: getMessage },
  { method: 'PATCH', path: '/channels/:channel/messages/:message', auth: true, handle: editMessage },
  { method: 'DELETE', path: '/channels/:channel/messages/:message', auth: true, handle: deleteMessage },
  {
    method: 'POST',
    path: '/channels/:channel/typing',
    auth: true,
    handle: ({ world, params }) =>
      world.channel(params.channel ?? '') ? noContent() : errors.unknownChannel(),
  },
  { method: 'POST', path: '/users/@me/channels', auth: true, handle: openDm },
];
