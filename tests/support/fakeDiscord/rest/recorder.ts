/** A file part of a multipart request (an attachment the bot uploaded). */
export interface RecordedFile {
  /** The form field, e.g. `files[0]`. */
  readonly field: string;
  readonly name: string;
  readonly contentType: string;
  readonly data: Buffer;
}

/** One HTTP request the client made, as the fake understood it, with the status it answered. */
export interface RecordedRequest<Body = unknown> {
  readonly method: string;
  /** Decoded path after `/api/v10`: `/webhooks/123/aW50…/messages/@original`. */
  readonly path: string;
  /** The route template that answered, `PATCH /webhooks/:app/:token/messages/:message`, or null. */
  readonly route: string | null;
  /** Values of the template's `:params`. */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, or the `payload_json` part of a multipart body; undefined when empty. */
  readonly body: Body;
  readonly files: readonly RecordedFile[];
  /** Request headers with lower-case names. */
  readonly headers: Readonly<Record<string, string>>;
  /** The status the fake answered. */
  readonly status: number;
  /** True when the answer came from `failNext` rather than the route. */
  readonly injected: boolean;
}

/**
 * Selects requests: a function, or a string compared with the route template
 * (`'POST /interactions/:id/:token/callback'`) or with the literal `METHOD /path`.
 */
export type RequestMatcher = string | ((request: RecordedRequest) => boolean);

/** Whether `request` is one `matcher` selects. */
export function matches(matcher: RequestMatcher, request: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(request);
  return matcher === request.route || matcher === `${request.method} ${request.path}`;
}

/** `METHOD /path → status` lines for error messages. */
export function describeRequests(requests: readonly RecordedRequest[]): string {
  if (requests.length === 0) return '(no requests)';
  return requests
    .map((r) => `${r.method} ${r.path} → ${r.status}${r.injected ? ' (injected)' : ''}`)
    .join('; ');
}
