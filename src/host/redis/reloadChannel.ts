import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

/** The Redis channel `/kb reload` is announced on. */
export const reloadChannelName = 'citebot:reload';

/**
 * `/kb reload` on one process reloads every process: the one that reloaded announces it on a Redis
 * pub/sub channel, every other subscriber reloads its own knowledge (each from KNOWLEDGE_DIR, which
 * replicas share or deploy alike). A process ignores its own announcements.
 */
export class ReloadChannel {
  readonly #publisher: Redis;
  readonly #subscriber: Redis;
  readonly #self = randomUUID();
  readonly #channel: string;

  private constructor(publisher: Redis, subscriber: Redis, channel: string) {
    this.#publisher = publisher;
    this.#subscriber = subscriber;
    this.#channel = channel;
  }

  /**
   * Subscribes (on a second connection, as Redis requires for pub/sub) and calls `onRemoteReload`
   * for every announcement from another process. Resolves once subscribed.
   */
  static async open(
    client: Redis,
    onRemoteReload: () => void,
    channel = reloadChannelName,
  ): Promise<ReloadChannel> {
    const subscriber = client.duplicate();
    const bus = new ReloadChannel(client, subscriber, channel);
    subscriber.on('message', (name: string, message: string) => {
      if (name === channel && message !== bus.#self) onRemoteReload();
    });
    await subscriber.subscribe(channel);
    return bus;
  }

  /** Tells every other process to reload; resolves with how many subscribers (this one included) heard it. */
  async announce(): Promise<number> {
    return this.#publisher.publish(this.#channel, this.#self);
  }

  /** Unsubscribes and closes the subscriber connection (the shared client stays open). */
  async close(): Promise<void> {
    await this.#subscriber.quit().catch(() => this.#subscriber.disconnect());
  }
}
