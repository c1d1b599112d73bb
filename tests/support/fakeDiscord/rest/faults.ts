import { createHash } from 'node:crypto';
import { matches, type RecordedRequest, type RequestMatcher } from './recorder.ts';
import { discordError, type RestResponse } from './responses.ts';

/** An error to answer instead of the route, for `fake.failNext`. */
export interface FaultOptions {
  /** HTTP status: 429 for a rate limit, 500/502 for an outage, or any 4xx. */
  readonly status: number;
  /**
   * For 429: seconds to wait, sent as `Retry-After`, `X-RateLimit-Reset-After` and `retry_after`.
   * Discord rounds the header up to whole seconds; the fake sends the value as given so tests stay
   * fast (@discordjs/rest reads it with `Number()`). Default 0.05.
   */
  readonly retryAfter?: number;
  /** For 429: a global rate limit (`X-RateLimit-Global: true`, scope `global`). */
  readonly global?: boolean;
  /** For 429: `X-RateLimit-Scope`. Default `global` when `global`, else `user`. */
  readonly scope?: 'user' | 'global' | 'shared';
  /** How many matching requests fail. Default 1. */
  readonly times?: number;
  /** Replaces the JSON error body (e.g. `{ code: 50013, message: 'Missing Permissions' }`). */
  readonly body?: object;
}

/** A pending fault; `remaining` counts down as requests hit it. */
export interface FaultHandle {
  readonly remaining: number;
  /** Stops failing requests. */
  cancel(): void;
}

interface Fault {
  readonly matcher: RequestMatcher;
  readonly options: FaultOptions;
  remaining: number;
}

/** Answers selected requests with injected errors, shaped like Discord's, a given number of times. */
export class FaultInjector {
  readonly #faults: Fault[] = [];

  add(matcher: RequestMatcher, options: FaultOptions): FaultHandle {
    const fault: Fault = { matcher, options, remaining: options.times ?? 1 };
    this.#faults.push(fault);
    return {
      get remaining() {
        return fault.remaining;
      },
      cancel: () => {
        fault.remaining = 0;
      },
    };
  }

  /** The injected response for `request`, consuming one use of the first matching fault, or null. */
  take(request: RecordedRequest): RestResponse | null {
    const fault = this.#faults.find(
      (candidate) => candidate.remaining > 0 && matches(candidate.matcher, request),
    );
    if (!fault) return null;
    fault.remaining--;
    return faultResponse(fault.options, request.route ?? `${request.method} ${request.path}`);
  }
}

function faultResponse(options: FaultOptions, route: string): RestResponse {
  if (options.status !== 429) {
    const fallback = discordError(options.status, 0, `${options.status}: ${statusText(options.status)}`);
    return { ...fallback, ...(options.body ? { body: options.body } : {}) };
  }
  const retryAfter = options.retryAfter ?? 0.05;
  const global = options.global ?? false;
  const headers: Record<string, string> = {
    'Retry-After': String(retryAfter),
    'X-RateLimit-Limit': '5',
    'X-RateLimit-Remaining': '0',
    'X-RateLimit-Reset': ((Date.now() + retryAfter * 1000) / 1000).toFixed(3),
    'X-RateLimit-Reset-After': String(retryAfter),
    'X-RateLimit-Bucket': bucketHash(route),
    'X-RateLimit-Scope': options.scope ?? (global ? 'global' : 'user'),
    // @discordjs/rest only checks that this header exists, so it must be absent for a local limit.
    ...(global ? { 'X-RateLimit-Global': 'true' } : {}),
  };
  const body = options.body ?? {
    message: 'You are being rate limited.',
    retry_after: retryAfter,
    global,
    code: 0,
  };
  return { status: 429, headers, body };
}

/** A stable, opaque per-route bucket id, like the hex hashes Discord sends in `X-RateLimit-Bucket`. */
export function bucketHash(route: string): string {
  return createHash('sha1').update(route).digest('hex').slice(0, 32);
}

function statusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    500: 'Internal Server Error',
    502: 'Bad Gateway',
    503: 'Service Unavailable',
    504: 'Gateway Timeout',
  };
  return texts[status] ?? 'Error';
}
