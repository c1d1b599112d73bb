/** What a route answers; the server adds `Content-Type: application/json` whenever there is a body. */
export interface RestResponse {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** 200 (or `status`) with a JSON body. */
export function json(body: unknown, status = 200): RestResponse {
  return { status, body };
}

/** 204 No Content, as Discord answers callbacks, deletes and typing. */
export function noContent(): RestResponse {
  return { status: 204 };
}

/** A Discord JSON error: `{ message, code }` plus `errors` for form errors. */
export function discordError(status: number, code: number, message: string, errors?: object): RestResponse {
  return { status, body: errors ? { message, code, errors } : { message, code } };
}

/** The errors Discord returns most often, with their real codes and messages. */
export const errors = {
  unauthorized: () => discordError(401, 0, '401: Unauthorized'),
  notFound: () => discordError(404, 0, '404: Not Found'),
  unknownChannel: () => discordError(404, 10003, 'Unknown Channel'),
  unknownGuild: () => discordError(404, 10004, 'Unknown Guild'),
  unknownMember: () => discordError(404, 10007, 'Unknown Member'),
  unknownMessage: () => discordError(404, 10008, 'Unknown Message'),
  unknownUser: () => discordError(404, 10013, 'Unknown User'),
  unknownWebhook: () => discordError(404, 10015, 'Unknown Webhook'),
  unknownApplication: () => discordError(404, 10002, 'Unknown Application'),
  unknownInteraction: () => discordError(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => discordError(400, 40060, 'Interaction has already been acknowledged.'),
  emptyMessage: () => discordError(400, 50006, 'Cannot send an empty message'),
  invalidJson: () => discordError(400, 50109, 'The request body contains invalid JSON.'),
  invalidFormBody: (formErrors: object) => discordError(400, 50035, 'Invalid Form Body', formErrors),
  missingPermissions: () => discordError(403, 50013, 'Missing Permissions'),
} as const;
