import { randomUUID } from 'node:crypto';
import type { BusMember, InvalidationBus } from './read-cache';
import type { Logger } from './logger';
import type { Redis } from './redis';

interface Message {
  /** The process that forgot: it has already, so it skips its own message. */
  o: string;
  c: string;
  k: string[];
}

/**
 * Every process's read caches hear what any process forgot, over one Redis channel: a change made
 * through one API process (or a job) shows in all of them at once, so the caches can keep rows for
 * minutes instead of seconds. Publishing never waits or fails a request; a message lost while a
 * subscriber reconnects is made good by clearing that process's caches once it is back.
 */
export class RedisCacheBus implements InvalidationBus {
  private readonly origin = randomUUID();
  private readonly caches = new Map<string, BusMember>();
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
    private readonly logger: Logger,
  ) {}

  register(name: string, cache: BusMember): void {
    if (this.caches.has(name)) throw new Error(`two read caches are named ${name}`);
    this.caches.set(name, cache);
  }

  publish(name: string, keys: readonly string[]): void {
    const message: Message = { o: this.origin, c: name, k: [...keys] };
    this.redis.publish(this.channel, JSON.stringify(message)).catch((error: unknown) => {
      this.logger.warn(
        { err: error, cache: name },
        'could not tell other processes what this one forgot; they catch up within READ_CACHE_TTL_MS',
      );
    });
  }

  /** Subscribes; resolves once messages are being received. */
  async start(): Promise<void> {
    if (this.subscriber) return;
    // Named, so CLIENT LIST tells which connection this is.
    const subscriber = this.redis.duplicate({ connectionName: `cache-bus:${this.channel}` });
    this.subscriber = subscriber;
    let subscribed = false;
    subscriber.on('message', (_channel: string, raw: string) => this.receive(raw));
    // ioredis subscribes again by itself after a reconnect; whatever was published meanwhile is lost.
    subscriber.on('ready', () => {
      if (!subscribed) return;
      for (const cache of this.caches.values()) cache.clear();
    });
    subscriber.on('error', (error: unknown) => this.logger.warn({ err: error }, 'cache invalidation subscriber'));
    await subscriber.subscribe(this.channel);
    subscribed = true;
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private receive(raw: string): void {
    const message = parseMessage(raw);
    if (!message || message.o === this.origin) return;
    this.caches.get(message.c)?.forgetHere(message.k);
  }
}

function parseMessage(raw: string): Message | null {
  try {
    const value = JSON.parse(raw) as Partial<Message> | null;
    if (typeof value?.o !== 'string' || typeof value.c !== 'string' || !Array.isArray(value.k)) return null;
    return { o: value.o, c: value.c, k: value.k.filter((key): key is string => typeof key === 'string') };
  } catch {
    return null;
  }
}
