import {
  type APIInteraction,
  type APIMessage,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
} from 'discord.js';
import type { InteractionState } from '../world.ts';
import { createBotMessage, editBotMessage } from './botMessages.ts';
import { errors, json, noContent, type RestResponse } from './responses.ts';
import type { Route, RouteContext } from './router.ts';
import { FormErrors, hasMessageContent, validateAutocomplete, validateMessage } from './validate.ts';

type Json = Record<string, unknown>;

/** Which callback types Discord accepts for each interaction type. */
const ALLOWED_CALLBACKS: Readonly<Record<number, readonly number[]>> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [
    InteractionResponseType.ApplicationCommandAutocompleteResult,
  ],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
  ],
};

function asObject(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

/**
 * `POST /interactions/{id}/{token}/callback`: the first response to an interaction the fake
 * dispatched. Unknown interactions get 10062, a second response 40060, a response type the
 * interaction does not allow (or a payload over Discord's limits) 50035.
 */
function interactionCallback({ world, params, body, query, files }: RouteContext): RestResponse {
  const state = world.interactions.get(params.token ?? '');
  if (!state || state.payload.id !== params.id) return errors.unknownInteraction();
  if (state.acknowledged) return errors.alreadyAcknowledged();
  const request = asObject(body);
  const type = Number(request.type);
  const data = asObject(request.data);
  const formErrors = new FormErrors();
  if (!(ALLOWED_CALLBACKS[state.payload.type] ?? []).includes(type)) {
    formErrors.add(['type'], 'INTERACTION_RESPONSE_TYPE_INVALID', 'Invalid interaction response type');
  } else if (type === InteractionResponseType.ApplicationCommandAutocompleteResult) {
    validateAutocomplete(data, formErrors);
  } else if (type === InteractionResponseType.DeferredChannelMessageWithSource) {
    if ((Number(data.flags ?? 0) & ~MessageFlags.Ephemeral) !== 0) {
      formErrors.add(
        ['data', 'flags'],
        'INTERACTION_RESPONSE_FLAGS_INVALID',
        'Only the ephemeral flag is allowed',
      );
    }
  } else if (
    type === InteractionResponseType.ChannelMessageWithSource ||
    type === InteractionResponseType.UpdateMessage
  ) {
    validateMessage(data, formErrors, ['data']);
  }
  if (!formErrors.empty) return errors.invalidFormBody(formErrors.toJSON());
  if (type === InteractionResponseType.ChannelMessageWithSource && !hasMessageContent(data, files.length)) {
    return errors.emptyMessage();
  }

  const message = respond(state, type, data, { world, files });
  state.acknowledged = true;
  if (query.with_response !== 'true') return noContent();
  return json({
    interaction: {
      id: state.payload.id,
      type: state.payload.type,
      ...(message
        ? {
            response_message_id: message.id,
            response_message_loading: ((message.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          }
        : {}),
    },
    ...(message ? { resource: { type, message } } : {}),
  });
}

/** Creates or updates the message a callback implies and remembers it as `@original`. */
function respond(
  state: InteractionState,
  type: number,
  data: Json,
  { world, files }: Pick<RouteContext, 'world' | 'files'>,
): APIMessage | null {
  const interaction = state.payload;
  const channelId = interaction.channel?.id ?? interaction.channel_id ?? '';
  const origin = { kind: 'interaction', interaction } as const;
  let message: APIMessage | null = null;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      message = createBotMessage(world, {
        channelId,
        body: data,
        origin,
        files,
        extraFlags: Number(data.flags ?? 0) & MessageFlags.Ephemeral,
      });
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource:
      message = createBotMessage(world, {
        channelId,
        body: {},
        origin,
        extraFlags: MessageFlags.Loading | (Number(data.flags ?? 0) & MessageFlags.Ephemeral),
      });
      break;
    case InteractionResponseType.DeferredMessageUpdate:
      message = componentMessage(world.messages, interaction);
      break;
    case InteractionResponseType.UpdateMessage: {
      const current = componentMessage(world.messages, interaction);
      message = current && editBotMessage(world, current, data, 'webhook');
      break;
    }
  }
  if (message) state.originalMessageId = message.id;
  return message;
}

/** The message a component sits on; the fake stores it so `@original` edits can find it. */
function componentMessage(messages: Map<string, APIMessage>, interaction: APIInteraction): APIMessage | null {
  if (!interaction.message) return null;
  const known = messages.get(interaction.message.id) ?? interaction.message;
  messages.set(known.id, known);
  return known;
}

/** The interaction behind a webhook route, if the application id and token are ones the fake issued. */
function webhookInteraction({ world, params }: RouteContext): InteractionState | null {
  if (params.app !== world.application.id) return null;
  return world.interactions.get(params.token ?? '') ?? null;
}

/**
 * The message a webhook route addresses: `@original` (for a component, the message it sits on) or
 * a follow-up this interaction created.
 */
function webhookMessage(context: RouteContext, state: InteractionState): APIMessage | null {
  const { world, params } = context;
  if (params.message === '@original') {
    return (state.originalMessageId && world.messages.get(state.originalMessageId)) || null;
  }
  const message = world.messages.get(params.message ?? '');
  return message?.interaction_metadata?.id === state.payload.id ? message : null;
}

/** `POST /webhooks/{app}/{token}`: a follow-up; right after a defer it fills the deferred reply. */
function followUp(context: RouteContext): RestResponse {
  const state = webhookInteraction(context);
  if (!state?.acknowledged) return errors.unknownWebhook();
  const body = asObject(context.body);
  const formErrors = new FormErrors();
  validateMessage(body, formErrors);
  if (!formErrors.empty) return errors.invalidFormBody(formErrors.toJSON());
  if (!hasMessageContent(body, context.files.length)) return errors.emptyMessage();
  const original = state.originalMessageId ? context.world.messages.get(state.originalMessageId) : undefined;
  const interaction = state.payload;
  const message =
    original && ((original.flags ?? 0) & MessageFlags.Loading) !== 0
      ? editBotMessage(context.world, original, body, 'webhook')
      : createBotMessage(context.world, {
          channelId: interaction.channel?.id ?? interaction.channel_id ?? '',
          body,
          origin: { kind: 'interaction', interaction },
          files: context.files,
          extraFlags: Number(body.flags ?? 0) & MessageFlags.Ephemeral,
        });
  return context.query.wait === 'true' ? json(message) : noContent();
}

function getWebhookMessage(context: RouteContext): RestResponse {
  const state = webhookInteraction(context);
  if (!state) return errors.unknownWebhook();
  const message = webhookMessage(context, state);
  return message ? json(message) : errors.unknownMessage();
}

function editWebhookMessage(context: RouteContext): RestResponse {
  const state = webhookInteraction(context);
  if (!state) return errors.unknownWebhook();
  const message = webhookMessage(context, state);
  if (!message) return errors.unknownMessage();
  const body = asObject(context.body);
  const formErrors = new FormErrors();
  validateMessage(body, formErrors);
  if (!formErrors.empty) return errors.invalidFormBody(formErrors.toJSON());
  return json(editBotMessage(context.world, message, body, 'webhook'));
}

function deleteWebhookMessage(context: RouteContext): RestResponse {
  const state = webhookInteraction(context);
  if (!state) return errors.unknownWebhook();
  const message = webhookMessage(context, state);
  if (!message) return errors.unknownMessage();
  context.world.messages.delete(message.id);
  return noContent();
}

/** Routes for responding to interactions: the callback and the interaction webhook. */
export const interactionRoutes: readonly Route[] = [
  { method: 'POST', path: '/interactions/:id/:token/callback', auth: false, handle: interactionCallback },
  { method: 'POST', path: '/webhooks/:app/:token', auth: false, handle: followUp },
  { method: 'GET', path: '/webhooks/:app/:token/messages/:message', auth: false, handle: getWebhookMessage },
  {
    method: 'PATCH',
    path: '/webhooks/:app/:token/messages/:message',
    auth: false,
    handle: editWebhookMessage,
  },
  {
    method: 'DELETE',
    path: '/webhooks/:app/:token/messages/:message',
    auth: false,
    handle: deleteWebhookMessage,
  },
];
