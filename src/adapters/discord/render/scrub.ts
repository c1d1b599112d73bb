import { scrubSecrets } from '../../../secrets.ts';

let configured: readonly string[] = [];

/**
 * Tells the renderer which configured secrets (the bot token, …) it must never send, wherever
 * they turn up (an article, a question). Called once when the bot starts; anything shaped like a
 * bot token is scrubbed even without it.
 */
export function setRendererSecrets(secrets: readonly (string | undefined)[]): void {
  configured = secrets.filter((secret): secret is string => secret !== undefined);
}

/** A copy of `value` with every string in it (text, URLs, custom_ids) scrubbed of secrets. */
export function scrubDeep<T>(value: T): T {
  if (typeof value === 'string') return scrubSecrets(value, configured) as T;
  if (Array.isArray(value)) return value.map((item) => scrubDeep(item)) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, scrubDeep(item)])) as T;
  }
  return value;
}
