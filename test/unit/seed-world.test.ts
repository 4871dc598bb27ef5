import bcrypt from 'bcryptjs';
import { DEMO_HANDLES, DEMO_PASSWORD, TOPICS, generateWorld, worldCounts, type EventRow, type World } from '../../seed/world';

const NOW = Date.parse('2025-06-01T12:00:00Z');
const DAY_MS = 86_400_000;
const SCALE = 0.05;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let world: World;
let events: EventRow[];

beforeAll(() => {
  world = generateWorld({ scale: SCALE, seed: 7, now: NOW });
  events = [...world.events()];
});

const key = (...parts: (string | number | null)[]): string => parts.join('|');

function tally<T>(items: readonly T[], by: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(by(item), (counts.get(by(item)) ?? 0) + 1);
  return counts;
}

function sortedKeys<T>(items: readonly T[], by: (item: T) => string): string[] {
  return items.map(by).sort();
}

describe('determinism', () => {
  it('generates the same rows for the same seed', () => {
    const again = generateWorld({ scale: SCALE, seed: 7, now: NOW });
    expect(again.users.slice(0, 10)).toEqual(world.users.slice(0, 10));
    expect(again.products.slice(0, 10)).toEqual(world.products.slice(0, 10));
    expect(again.notes.slice(0, 10)).toEqual(world.notes.slice(0, 10));
    expect(again.likes.slice(0, 10)).toEqual(world.likes.slice(0, 10));
    expect([...again.events()].slice(0, 50)).toEqual(events.slice(0, 50));
  });

  it('generates a different world for another seed', () => {
    const other = generateWorld({ scale: SCALE, seed: 8, now: NOW });
    expect(other.notes[0]?.id).not.toEqual(world.notes[0]?.id);
  });

  it('streams identical events on every pass', () => {
    const fingerprint = (e: EventRow): string => key(e.eventId, e.type, e.userId, e.noteId, e.occurredAt.getTime(), e.receivedAt.getTime());
    expect([...world.events()].map(fingerprint)).toEqual(events.map(fingerprint));
  });
});

describe('size', () => {
  it('scales every count linearly with a minimum of one', () => {
    const full = worldCounts(1);
    expect(full).toEqual({ brands: 50, products: 500, creators: 600, viewers: 1400, notes: 20_000, events: 1_000_000 });
    expect(worldCounts(0.00001)).toEqual({ brands: 1, products: 1, creators: 1, viewers: 1, notes: 1, events: 10 });
    const counts = worldCounts(SCALE);
    expect(world.brands).toHaveLength(counts.brands);
    expect(world.products).toHaveLength(counts.products);
    expect(world.notes).toHaveLength(counts.notes);
    // Four demo accounts sit inside these groups; the admin and brand owners come on top.
    expect(world.users).toHaveLength(counts.creators + counts.viewers + counts.brands + 1);
    expect(world.eventCount).toBe(events.length);
    expect(Math.abs(world.eventCount - counts.events) / counts.events).toBeLessThan(0.2);
  });

  it('builds a world even at the smallest scale', () => {
    const tiny = generateWorld({ scale: 0.00001, seed: 1, now: NOW });
    expect(tiny.notes).toHaveLength(1);
    expect(tiny.users.map((u) => u.handle)).toEqual(expect.arrayContaining(Object.values(DEMO_HANDLES)));
  });
});

describe('accounts', () => {
  it('has unique well-formed handles and emails', () => {
    const handles = world.users.map((u) => u.handle);
    expect(new Set(handles).size).toBe(handles.length);
    for (const handle of handles) expect(handle).toMatch(/^[a-z0-9_]{3,30}$/);
    const emails = world.users.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it('provides the demo accounts, all sharing one hash of the demo password', () => {
    const byHandle = new Map(world.users.map((u) => [u.handle, u]));
    expect(byHandle.get(DEMO_HANDLES.viewer)).toMatchObject({ role: 'viewer', interests: ['beauty', 'food'] });
    expect(byHandle.get(DEMO_HANDLES.creator)?.role).toBe('creator');
    expect(byHandle.get(DEMO_HANDLES.admin)?.role).toBe('admin');
    const brandOwner = byHandle.get(DEMO_HANDLES.brand);
    expect(brandOwner?.role).toBe('brand');
    expect(world.brands[0]?.ownerId).toBe(brandOwner?.id);
    expect(new Set(world.users.map((u) => u.passwordHash)).size).toBe(1);
    expect(bcrypt.compareSync(DEMO_PASSWORD, world.users[0]?.passwordHash ?? '')).toBe(true);
  });

  it('gives people one to three topic interests', () => {
    for (const user of world.users.filter((u) => u.role === 'viewer' || u.role === 'creator')) {
      expect(user.interests.length).toBeGreaterThanOrEqual(1);
      expect(user.interests.length).toBeLessThanOrEqual(3);
      for (const topic of user.interests) expect(TOPICS).toContain(topic);
    }
  });
});

describe('referential consistency', () => {
  it('links brands to brand accounts and products to brands', () => {
    const users = new Map(world.users.map((u) => [u.id, u]));
    for (const brand of world.brands) expect(users.get(brand.ownerId)?.role).toBe('brand');
    expect(new Set(world.brands.map((b) => b.ownerId)).size).toBe(world.brands.length);
    const brandIds = new Set(world.brands.map((b) => b.id));
    for (const product of world.products) {
      expect(brandIds.has(product.brandId)).toBe(true);
      expect(TOPICS).toContain(product.category);
      expect(product.currency).toBe('CNY');
      expect(product.priceMinor).toBeGreaterThanOrEqual(1890);
      expect(product.priceMinor).toBeLessThanOrEqual(99_900);
      expect(product.buyUrl).toMatch(/^https:\/\/shop\.example\.com\//);
      expect(product.imageUrls[0]).toBe(`https://picsum.photos/seed/${product.id}/800/800`);
    }
  });

  it('has notes by creators and brands, published inside the window, with media', () => {
    const users = new Map(world.users.map((u) => [u.id, u]));
    const media = tally(world.noteMedia, (m) => m.noteId);
    const bad = world.notes.filter((note) => {
      const published = note.publishedAt?.getTime() ?? 0;
      const count = media.get(note.id) ?? 0;
      return (
        !['creator', 'brand'].includes(users.get(note.authorId)?.role ?? '') ||
        note.status !== 'published' ||
        published <= NOW - 30 * DAY_MS ||
        published >= NOW ||
        note.title.length === 0 ||
        note.topics.length < 1 ||
        note.topics.length > 3 ||
        !(TOPICS as readonly string[]).includes(note.topics[0] ?? '') ||
        note.topics.some((t) => t.includes('#')) ||
        (note.kind === 'video' ? count !== 1 : count < 1 || count > 9)
      );
    });
    expect(bad).toEqual([]);
    for (const m of world.noteMedia) expect(m.kind === 'video').toBe(m.durationMs !== null);
  });

  it('tags only existing products of the note topic, placed on its media', () => {
    const notes = new Map(world.notes.map((n) => [n.id, n]));
    const products = new Map(world.products.map((p) => [p.id, p]));
    const media = new Map(world.noteMedia.map((m) => [key(m.noteId, m.position), m]));
    for (const tag of world.noteProducts) {
      const note = notes.get(tag.noteId);
      const product = products.get(tag.productId);
      expect(note && product).toBeTruthy();
      expect(note?.topics[0]).toBe(product?.category);
      if (note?.kind === 'image') {
        expect(media.has(key(tag.noteId, tag.imageIndex))).toBe(true);
        for (const v of [tag.x, tag.y]) expect(v !== null && v >= 0 && v <= 1).toBe(true);
      } else {
        expect(tag.atMs).toBeLessThan(media.get(key(tag.noteId, 0))?.durationMs ?? 0);
      }
    }
    expect(new Set(world.noteProducts.map((t) => key(t.noteId, t.productId))).size).toBe(world.noteProducts.length);
  });

  it('sponsors notes only by the brand of a tagged product', () => {
    const brandOfProduct = new Map(world.products.map((p) => [p.id, p.brandId]));
    const sponsored = world.notes.filter((n) => n.sponsored);
    expect(sponsored.length).toBeGreaterThan(0);
    for (const note of world.notes) expect(note.sponsored).toBe(note.sponsorBrandId !== null);
    for (const note of sponsored) {
      const brands = world.noteProducts.filter((t) => t.noteId === note.id).map((t) => brandOfProduct.get(t.productId));
      expect(brands).toContain(note.sponsorBrandId);
    }
  });

  it('keeps social rows pointing at existing users, notes and boards, without duplicates', () => {
    const userIds = new Set(world.users.map((u) => u.id));
    const noteIds = new Set(world.notes.map((n) => n.id));
    const boardOwner = new Map(world.boards.map((b) => [b.id, b.userId]));
    for (const f of world.follows) {
      expect(userIds.has(f.followerId) && userIds.has(f.followeeId)).toBe(true);
      expect(f.followerId).not.toBe(f.followeeId);
    }
    expect(new Set(world.follows.map((f) => key(f.followerId, f.followeeId))).size).toBe(world.follows.length);
    for (const rows of [world.likes, world.collects, world.hiddenNotes]) {
      for (const r of rows) expect(userIds.has(r.userId) && noteIds.has(r.noteId)).toBe(true);
      expect(new Set(rows.map((r) => key(r.userId, r.noteId))).size).toBe(rows.length);
    }
    for (const c of world.collects) if (c.boardId !== null) expect(boardOwner.get(c.boardId)).toBe(c.userId);
    expect(new Set(world.boards.map((b) => key(b.userId, b.name))).size).toBe(world.boards.length);
  });

  it('threads replies one level deep under earlier top-level comments', () => {
    const byId = new Map(world.comments.map((c) => [c.id, c]));
    const replies = world.comments.filter((c) => c.parentId !== null);
    expect(replies.length).toBeGreaterThan(0);
    for (const reply of replies) {
      const parent = byId.get(reply.parentId ?? '');
      expect(parent?.parentId).toBeNull();
      expect(parent?.noteId).toBe(reply.noteId);
      expect(reply.replyToUserId).toBe(parent?.authorId);
      expect(reply.createdAt.getTime()).toBeGreaterThan(parent?.createdAt.getTime() ?? Infinity);
    }
  });
});

describe('interaction log', () => {
  // Event checks collect offenders rather than asserting per event: tens of thousands of expect()
  // calls would dominate the run time.
  it('has unique time-ordered UUIDv7 ids inside the window', () => {
    expect(new Set(events.map((e) => e.eventId)).size).toBe(events.length);
    const bad = events.filter((e, i) => {
      const t = e.occurredAt.getTime();
      return (
        !UUID_V7.test(e.eventId) ||
        parseInt(e.eventId.replace(/-/g, '').slice(0, 12), 16) !== t ||
        t < (events[i - 1]?.occurredAt.getTime() ?? 0) ||
        t <= NOW - 30 * DAY_MS ||
        t >= NOW ||
        e.receivedAt.getTime() < t
      );
    });
    expect(bad).toEqual([]);
  });

  it('only involves existing users and notes that were already published (organic purchases name no note)', () => {
    const userIds = new Set(world.users.map((u) => u.id));
    const published = new Map(world.notes.map((n) => [n.id, n.publishedAt?.getTime() ?? Infinity]));
    const organic = (e: EventRow) => e.type === 'purchase' && e.noteId === null;
    const bad = events.filter(
      (e) =>
        !userIds.has(e.userId ?? '') ||
        !e.sessionId ||
        (!organic(e) && !(e.occurredAt.getTime() >= (published.get(e.noteId ?? '') ?? Infinity))),
    );
    expect(bad).toEqual([]);
  });

  it('draws a plausible mix of event types', () => {
    const types = tally(events, (e) => e.type);
    const n = (type: string): number => types.get(type) ?? 0;
    expect(n('impression')).toBeGreaterThan(n('view'));
    expect(n('view')).toBeGreaterThan(n('like'));
    expect(n('like')).toBeGreaterThan(n('comment'));
    expect(n('product_click')).toBeGreaterThan(n('purchase'));
    expect(n('purchase')).toBeGreaterThan(0);
    expect(events.filter((e) => e.type === 'view' && e.value === null)).toEqual([]);
  });

  it('records purchases after a click on the product, after a long read of a note tagging it, or with no note at all', () => {
    const clicked = new Map<string, number>();
    const read = new Map<string, number>();
    const tagged = new Set(world.noteProducts.map((t) => key(t.noteId, t.productId)));
    const prices = new Map(world.products.map((p) => [p.id, p.priceMinor]));
    const kinds = { click: 0, viewThrough: 0, organic: 0 };
    for (const e of events) {
      const k = key(e.userId, e.noteId, e.productId);
      if (e.type === 'product_click') {
        expect(tagged.has(key(e.noteId, e.productId))).toBe(true);
        if (!clicked.has(k)) clicked.set(k, e.occurredAt.getTime());
      }
      if (e.type === 'view' && !read.has(key(e.userId, e.noteId))) read.set(key(e.userId, e.noteId), e.occurredAt.getTime());
      if (e.type === 'purchase') {
        expect([1, 2].map((q) => q * (prices.get(e.productId ?? '') ?? 0))).toContain(e.value);
        if (e.noteId === null) {
          kinds.organic += 1;
        } else if (clicked.has(k)) {
          expect(clicked.get(k)).toBeLessThan(e.occurredAt.getTime());
          kinds.click += 1;
        } else {
          expect(tagged.has(key(e.noteId, e.productId))).toBe(true);
          expect(read.get(key(e.userId, e.noteId))).toBeLessThan(e.occurredAt.getTime());
          kinds.viewThrough += 1;
        }
      }
    }
    expect(kinds.click).toBeGreaterThan(kinds.viewThrough);
    expect(kinds.viewThrough).toBeGreaterThan(0);
    expect(kinds.organic).toBeGreaterThan(0);
  });

  it('matches the like, collect, comment, follow and hide rows one to one', () => {
    const ofType = (type: string): EventRow[] => events.filter((e) => e.type === type);
    const at = (d: Date): number => d.getTime();
    expect(sortedKeys(ofType('like'), (e) => key(e.userId, e.noteId, at(e.occurredAt)))).toEqual(
      sortedKeys(world.likes, (r) => key(r.userId, r.noteId, at(r.createdAt))),
    );
    expect(sortedKeys(ofType('collect'), (e) => key(e.userId, e.noteId, at(e.occurredAt)))).toEqual(
      sortedKeys(world.collects, (r) => key(r.userId, r.noteId, at(r.createdAt))),
    );
    expect(sortedKeys(ofType('comment'), (e) => key(e.userId, e.noteId, e.targetUserId, at(e.occurredAt)))).toEqual(
      sortedKeys(world.comments, (r) => key(r.authorId, r.noteId, r.replyToUserId, at(r.createdAt))),
    );
    // Follows older than the window predate the log; every newer one has its event.
    const windowStart = NOW - 30 * DAY_MS;
    expect(sortedKeys(ofType('follow'), (e) => key(e.userId, e.targetUserId, at(e.occurredAt)))).toEqual(
      sortedKeys(
        world.follows.filter((f) => at(f.createdAt) >= windowStart),
        (r) => key(r.followerId, r.followeeId, at(r.createdAt)),
      ),
    );
    const hides = ofType('hide');
    expect(
      sortedKeys(
        hides.filter((e) => e.targetUserId === null),
        (e) => key(e.userId, e.noteId, at(e.occurredAt)),
      ),
    ).toEqual(sortedKeys(world.hiddenNotes, (r) => key(r.userId, r.noteId, at(r.createdAt))));
    expect(
      sortedKeys(
        hides.filter((e) => e.targetUserId !== null),
        (e) => key(e.userId, e.targetUserId, at(e.occurredAt)),
      ),
    ).toEqual(sortedKeys(world.hiddenCreators, (r) => key(r.userId, r.creatorId, at(r.createdAt))));
  });

  it('sets note and user counters from the rows and events', () => {
    const likes = tally(world.likes, (r) => r.noteId);
    const collects = tally(world.collects, (r) => r.noteId);
    const comments = tally(world.comments, (r) => r.noteId);
    const views = tally(
      events.filter((e) => e.type === 'view'),
      (e) => e.noteId ?? '',
    );
    const shares = tally(
      events.filter((e) => e.type === 'share'),
      (e) => e.noteId ?? '',
    );
    for (const note of world.notes) {
      expect(note.likeCount).toBe(likes.get(note.id) ?? 0);
      expect(note.collectCount).toBe(collects.get(note.id) ?? 0);
      expect(note.commentCount).toBe(comments.get(note.id) ?? 0);
      expect(note.viewCount).toBe(views.get(note.id) ?? 0);
      expect(note.shareCount).toBe(shares.get(note.id) ?? 0);
    }
    const followers = tally(world.follows, (f) => f.followeeId);
    const following = tally(world.follows, (f) => f.followerId);
    const authored = tally(world.notes, (n) => n.authorId);
    for (const user of world.users) {
      expect(user.followerCount).toBe(followers.get(user.id) ?? 0);
      expect(user.followingCount).toBe(following.get(user.id) ?? 0);
      expect(user.noteCount).toBe(authored.get(user.id) ?? 0);
    }
  });
});
