import { EVENT_TYPES, type EventType } from '../models/schema/events';
import type { EventRow } from './model';
import { Random } from './random';

const TYPE_CODE = new Map<EventType, number>(EVENT_TYPES.map((type, code) => [type, code]));
const NONE = -1;

export interface EventIds {
  users: readonly string[];
  notes: readonly string[];
  products: readonly string[];
  sessions: readonly string[];
}

/**
 * The simulated interaction log held column-wise in typed arrays: a million events cost about
 * 40 MB this way, against several hundred as row objects. Rows are materialised one at a time
 * when the log is streamed.
 */
export class EventLog {
  length = 0;
  private type: Uint8Array;
  private time: Float64Array;
  private user: Int32Array;
  private session: Int32Array;
  private note: Int32Array;
  private product: Int32Array;
  private target: Int32Array;
  private value: Float64Array;
  private readonly counts = new Map<EventType, number>();

  constructor(capacity: number) {
    const n = Math.max(16, capacity);
    this.type = new Uint8Array(n);
    this.time = new Float64Array(n);
    this.user = new Int32Array(n);
    this.session = new Int32Array(n);
    this.note = new Int32Array(n);
    this.product = new Int32Array(n);
    this.target = new Int32Array(n);
    this.value = new Float64Array(n);
  }

  push(
    type: EventType,
    time: number,
    user: number,
    session: number,
    note: number,
    product = NONE,
    target = NONE,
    value = Number.NaN,
  ): void {
    if (this.length === this.type.length) this.grow();
    const i = this.length;
    this.type[i] = TYPE_CODE.get(type) ?? 0;
    this.time[i] = time;
    this.user[i] = user;
    this.session[i] = session;
    this.note[i] = note;
    this.product[i] = product;
    this.target[i] = target;
    this.value[i] = value;
    this.length += 1;
    this.counts.set(type, (this.counts.get(type) ?? 0) + 1);
  }

  count(type: EventType): number {
    return this.counts.get(type) ?? 0;
  }

  /**
   * Rows in time order (what the BRIN index on occurred_at expects), with ids drawn from a PRNG
   * seeded afresh on each call so every pass over the log yields identical rows.
   */
  *rows(ids: EventIds, seed: number): Generator<EventRow> {
    const random = new Random(seed).fork('event-ids');
    const { time } = this;
    const order = new Uint32Array(this.length);
    for (let i = 0; i < order.length; i += 1) order[i] = i;
    order.sort((a, b) => (time[a] ?? 0) - (time[b] ?? 0) || a - b);
    for (const i of order) {
      const occurredAt = time[i] ?? 0;
      const note = this.note[i] ?? NONE;
      const product = this.product[i] ?? NONE;
      const target = this.target[i] ?? NONE;
      const value = this.value[i] ?? Number.NaN;
      yield {
        eventId: random.uuidv7(occurredAt),
        type: EVENT_TYPES[this.type[i] ?? 0] as EventType,
        userId: ids.users[this.user[i] ?? 0] ?? null,
        noteId: note === NONE ? null : (ids.notes[note] ?? null),
        productId: product === NONE ? null : (ids.products[product] ?? null),
        targetUserId: target === NONE ? null : (ids.users[target] ?? null),
        value: Number.isNaN(value) ? null : value,
        sessionId: ids.sessions[this.session[i] ?? 0] ?? null,
        isRepeat: false,
        occurredAt: new Date(occurredAt),
        // Clients batch events, so they reach the server a moment after they happen.
        receivedAt: new Date(occurredAt + random.int(20, 3000)),
      };
    }
  }

  private grow(): void {
    const size = this.type.length * 2;
    const grow = <T extends Uint8Array | Int32Array | Float64Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.type = grow(this.type, new Uint8Array(size));
    this.time = grow(this.time, new Float64Array(size));
    this.user = grow(this.user, new Int32Array(size));
    this.session = grow(this.session, new Int32Array(size));
    this.note = grow(this.note, new Int32Array(size));
    this.product = grow(this.product, new Int32Array(size));
    this.target = grow(this.target, new Int32Array(size));
    this.value = grow(this.value, new Float64Array(size));
  }
}
