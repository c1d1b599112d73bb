import type { RESTOptions, ResponseLike } from 'discord.js';

/** The first response to an interaction, captured to be sent back as the HTTP response. */
export interface CapturedResponse {
  readonly contentType: string;
  readonly body: Buffer;
}

/** A first response handed to the waiting HTTP request. */
export interface Delivery {
  readonly response: CapturedResponse;
  /**
   * To be called once the HTTP response is written: only then is discord.js told the callback was
   * accepted and goes on to edits and follow-ups, so none of them can reach Discord before it.
   */
  sent(): void;
}

type MakeRequest = RESTOptions['makeRequest'];

const callbackPath = /\/interactions\/(\d{1,20})\/[^/?]+\/callback(?:\?|$)/;

/**
 * Turns the handlers' first response into the HTTP response. discord.js answers an interaction
 * with `POST /interactions/{id}/{token}/callback`; for an interaction that arrived over HTTP that
 * request is caught here (the REST client's `makeRequest`) and handed to the waiting HTTP request,
 * and discord.js is told Discord accepted it (204). Everything after it — edits of a deferred reply,
 * follow-ups — goes to DISCORD_API_URL as usual, through the interaction webhook.
 */
export class HttpResponder {
  readonly #pending = new Map<string, (delivery: Delivery) => void>();

  /** The REST client's request function (`rest.makeRequest`). */
  readonly makeRequest: MakeRequest = async (url, init) => {
    const id = callbackPath.exec(url)?.[1];
    const deliver = id === undefined ? undefined : this.#pending.get(id);
    if (id === undefined || deliver === undefined) {
      // undici's RequestInit and the global fetch's are the same shape at run time.
      return (await fetch(url, init as unknown as RequestInit)) as unknown as ResponseLike;
    }
    this.#pending.delete(id);
    const response = await capture(init.body);
    await new Promise<void>((sent) => deliver({ response, sent }));
    return new Response(null, { status: 204 }) as unknown as ResponseLike;
  };

  /**
   * Resolves with the first response the handlers give interaction `id`, or undefined after
   * `timeoutMs` (then a late response goes to Discord, which refuses it: the HTTP request is gone).
   */
  waitFor(id: string, timeoutMs: number): Promise<Delivery | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id);
        resolve(undefined);
      }, timeoutMs);
      this.#pending.set(id, (delivery) => {
        clearTimeout(timer);
        resolve(delivery);
      });
    });
  }

  /** Interactions waiting for their first response. */
  get waiting(): number {
    return this.#pending.size;
  }
}

/** JSON as discord.js sent it, or multipart (a reply with files) serialised with its boundary. */
async function capture(body: unknown): Promise<CapturedResponse> {
  if (typeof body === 'string') return { contentType: 'application/json', body: Buffer.from(body) };
  const response = new Response(body as ConstructorParameters<typeof Response>[0]);
  return {
    contentType: response.headers.get('content-type') ?? 'application/octet-stream',
    body: Buffer.from(await response.arrayBuffer()),
  };
}
