import type { Redis } from '../core/redis';

const TTL_SECONDS = 24 * 3600;

export interface ProgressEvent {
  mediaId: string;
  status: 'processing' | 'ready' | 'failed';
  progress: number;
}

/**
 * Progress of a media item whose work is split into parts (one per HLS rung, plus poster and
 * preview) that run in parallel, possibly in different worker processes: each part records its
 * own fraction in Redis and the overall figure is their weighted mean. Every change is also
 * published, so API processes can push it to subscribed clients.
 */
export class MediaProgress {
  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
  ) {}

  /** Declares the parts and how much of the work each is (e.g. pixels × seconds). */
  async plan(mediaId: string, weights: Record<string, number>): Promise<void> {
    await this.redis
      .multi()
      .del(weightsKey(mediaId), fractionsKey(mediaId))
      .hset(weightsKey(mediaId), weights)
      .expire(weightsKey(mediaId), TTL_SECONDS)
      .exec();
  }

  /** Records a part's fraction (0..1) and returns the overall percentage. */
  async report(mediaId: string, part: string, fraction: number): Promise<number> {
    const replies = await this.redis
      .multi()
      .hset(fractionsKey(mediaId), part, String(Math.min(1, Math.max(0, fraction))))
      .expire(fractionsKey(mediaId), TTL_SECONDS)
      .hgetall(weightsKey(mediaId))
      .hgetall(fractionsKey(mediaId))
      .exec();
    const weights = (replies?.[2]?.[1] ?? {}) as Record<string, string>;
    const fractions = (replies?.[3]?.[1] ?? {}) as Record<string, string>;
    let total = 0;
    let done = 0;
    for (const [name, weight] of Object.entries(weights)) {
      total += Number(weight);
      done += Number(weight) * Number(fractions[name] ?? 0);
    }
    return total > 0 ? Math.floor((100 * done) / total) : Math.floor(100 * fraction);
  }

  async publish(event: ProgressEvent): Promise<void> {
    await this.redis.publish(this.channel, JSON.stringify(event));
  }

  async forget(mediaId: string): Promise<void> {
    await this.redis.del(weightsKey(mediaId), fractionsKey(mediaId));
  }
}

const weightsKey = (id: string): string => `media:${id}:weights`;
const fractionsKey = (id: string): string => `media:${id}:fractions`;

/**
 * The API side of progress: one Redis subscriber connection per process, fanned out to the
 * clients following each media item. Connects on the first subscription only.
 */
export class MediaProgressListener {
  private subscriber: Redis | null = null;
  private readonly followers = new Map<string, Set<(event: ProgressEvent) => void>>();

  constructor(
    private readonly redis: Redis,
    private readonly channel: string,
  ) {}

  async follow(mediaId: string, onEvent: (event: ProgressEvent) => void): Promise<() => void> {
    await this.connect();
    let set = this.followers.get(mediaId);
    if (!set) this.followers.set(mediaId, (set = new Set()));
    set.add(onEvent);
    return () => {
      set.delete(onEvent);
      if (set.size === 0) this.followers.delete(mediaId);
    };
  }

  async close(): Promise<void> {
    this.subscriber?.disconnect();
    this.subscriber = null;
  }

  private async connect(): Promise<void> {
    if (this.subscriber) return;
    const subscriber = this.redis.duplicate();
    this.subscriber = subscriber;
    subscriber.on('message', (_channel: string, message: string) => {
      const event = JSON.parse(message) as ProgressEvent;
      for (const onEvent of this.followers.get(event.mediaId) ?? []) onEvent(event);
    });
    await subscriber.subscribe(this.channel);
  }
}
