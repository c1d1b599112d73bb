import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Waiter } from '../waiter.ts';
import type { FakeWorld } from '../world.ts';
import { applicationRoutes } from './applicationRoutes.ts';
import { channelRoutes } from './channelRoutes.ts';
import { bucketHash, FaultInjector } from './faults.ts';
import { interactionRoutes } from './interactionRoutes.ts';
import { readRequest } from './readRequest.ts';
import { matches, type RecordedRequest, type RequestMatcher } from './recorder.ts';
import { errors, type RestResponse } from './responses.ts';
import { findRoute, type Route } from './router.ts';

const ROUTES: readonly Route[] = [...interactionRoutes, ...channelRoutes, ...applicationRoutes];

/**
 * Discord's REST API on the fake's HTTP server: parses, routes, answers (or injects a fault), and
 * records every request, including unknown routes, which get Discord's 404 body.
 */
export class FakeRest {
  /** Every request, in arrival order, with the status it got. */
  readonly requests: RecordedRequest[] = [];
  readonly faults = new FaultInjector();
  /** Requests answered normally but only after a delay (see `FakeDiscord.answerLate`). */
  readonly late: { matcher: RequestMatcher; delayMs: number; remaining: number }[] = [];
  readonly #world: FakeWorld;
  readonly #waiter: Waiter;
  readonly #gatewayUrl: () => string;

  constructor(world: FakeWorld, waiter: Waiter, gatewayUrl: () => string) {
    this.#world = world;
    this.#waiter = waiter;
    this.#gatewayUrl = gatewayUrl;
  }

  async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const parsed = await readRequest(request);
    const found = parsed.versioned ? findRoute(ROUTES, parsed.method, parsed.path) : null;
    const draft: RecordedRequest = {
      method: parsed.method,
      path: parsed.path,
      route: found ? `${found.route.method} ${found.route.path}` : null,
      params: found?.params ?? {},
      query: parsed.query,
      body: parsed.body,
      files: parsed.files,
      headers: parsed.headers,
      status: 0,
      injected: false,
    };
    const injected = this.faults.take(draft);
    const answer = injected ?? this.#answer(parsed.invalidJson, draft, found?.route ?? null);
    const headers: Record<string, string> = {
      ...(draft.route && !injected ? successRateLimitHeaders(draft.route) : {}),
      ...answer.headers,
    };
    this.requests.push({ ...draft, status: answer.status, injected: injected !== null });
    this.#waiter.notify();
    const late = injected ? undefined : this.late.find((l) => l.remaining > 0 && matches(l.matcher, draft));
    if (late !== undefined) {
      late.remaining -= 1;
      await new Promise((resolve) => setTimeout(resolve, late.delayMs));
      // The client may have given up and closed the connection meanwhile.
      if (response.destroyed) return;
    }
    if (answer.body === undefined) {
      response.writeHead(answer.status, headers).end();
      return;
    }
    response
      .writeHead(answer.status, { ...headers, 'Content-Type': 'application/json' })
      .end(JSON.stringify(answer.body));
  }

  #answer(invalidJson: boolean, request: RecordedRequest, route: Route | null): RestResponse {
    if (!route) return errors.notFound();
    if (route.auth && request.headers.authorization !== `Bot ${this.#world.token}`)
      return errors.unauthorized();
    if (invalidJson) return errors.invalidJson();
    try {
      return route.handle({
        world: this.#world,
        params: request.params,
        query: request.query,
        body: request.body,
        files: request.files.map((file) => ({
          name: file.name,
          contentType: file.contentType,
          size: file.data.length,
        })),
        gatewayUrl: this.#gatewayUrl(),
      });
    } catch (error) {
      return { status: 500, body: { message: `fakeDiscord bug: ${String(error)}`, code: 0 } };
    }
  }
}

/** The headers Discord sends on normal answers; the remaining count never runs out in the fake. */
function successRateLimitHeaders(route: string): Record<string, string> {
  if (route.endsWith('/callback')) return {};
  return {
    'X-RateLimit-Limit': '50',
    'X-RateLimit-Remaining': '49',
    'X-RateLimit-Reset': ((Date.now() + 1000) / 1000).toFixed(3),
    'X-RateLimit-Reset-After': '1.000',
    'X-RateLimit-Bucket': bucketHash(route),
    'X-RateLimit-Scope': 'user',
  };
}
