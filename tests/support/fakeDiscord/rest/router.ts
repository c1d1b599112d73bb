import type { FakeWorld } from '../world.ts';
import type { RestResponse } from './responses.ts';

/** What a route handler gets. */
export interface RouteContext {
  readonly world: FakeWorld;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: unknown;
  /** Files of a multipart request, for attachments on the created message. */
  readonly files: readonly { readonly name: string; readonly contentType: string; readonly size: number }[];
  /** `ws://127.0.0.1:PORT`, for `GET /gateway/bot`. */
  readonly gatewayUrl: string;
}

/** One endpoint of the fake. */
export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path template after `/api/v10`, with `:name` segments: `/channels/:channel/messages`. */
  readonly path: string;
  /** Whether Discord requires `Authorization: Bot <token>` (webhook and callback routes do not). */
  readonly auth: boolean;
  readonly handle: (context: RouteContext) => RestResponse;
}

/** The route answering `method path`, with its params; literal segments win over `:params`. */
export function findRoute(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | null {
  const segments = path.split('/').slice(1);
  let best: { route: Route; params: Record<string, string>; literals: number } | null = null;
  for (const route of routes) {
    if (route.method !== method) continue;
    const template = route.path.split('/').slice(1);
    if (template.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let literals = 0;
    const fits = template.every((part, index) => {
      const segment = segments[index] ?? '';
      if (part.startsWith(':')) {
        params[part.slice(1)] = segment;
        return segment.length > 0;
      }
      literals++;
      return part === segment;
    });
    if (fits && (!best || literals > best.literals)) best = { route, params, literals };
  }
  return best && { route: best.route, params: best.params };
}
