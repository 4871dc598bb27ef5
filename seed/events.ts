import { EventLog } from './event-log';
import {
  activeMoment,
  DAY_MS,
  type CollectRow,
  type CommentRow,
  type FollowRow,
  type HiddenCreatorRow,
  type HiddenNoteRow,
  type LikeRow,
  type Note,
  type Person,
  type Product,
} from './model';
import { HIDE_REASONS, TOPICS, type Topic } from './phrases';
import { countAtOrBefore, cumulative, drawCumulative, type Random } from './random';
import type { UserBoards } from './social';
import { composeComment } from './text';

// Measured average events per session of the model below; sizes the number of sessions so the
// log lands near the requested number of events.
const EVENTS_PER_SESSION = 26;
const SECOND_MS = 1000;

/** Sessions that also buy something straight from a shop, and long reads that lead to a purchase without a click. */
const ORGANIC_PURCHASE_RATE = 0.004;
const VIEW_THROUGH_PURCHASE_RATE = 0.004;

export interface SimulationInput {
  people: readonly Person[];
  notes: readonly Note[];
  products: readonly Product[];
  /** Follows made before the window. */
  follows: readonly FollowRow[];
  boards: ReadonlyMap<number, UserBoards>;
  window: { start: number; end: number };
  targetEvents: number;
}

export interface Simulation {
  log: EventLog;
  sessionIds: string[];
  likes: LikeRow[];
  collects: CollectRow[];
  comments: CommentRow[];
  /** Follows made inside the window, each with its follow event. */
  follows: FollowRow[];
  hiddenNotes: HiddenNoteRow[];
  hiddenCreators: HiddenCreatorRow[];
  viewCounts: Int32Array;
  shareCounts: Int32Array;
}

interface TopComment {
  id: string;
  author: number;
  time: number;
}

/** Notes of one topic (or of all) in publication order, with cumulative popularity weights. */
interface Shelf {
  notes: Int32Array;
  times: Float64Array;
  weights: Float64Array;
}

/**
 * Users browse in sessions spread over the window with a daily rhythm. Each session scrolls a feed
 * of impressions drawn from the user's interests, followed creators and everything, favouring
 * popular and recent notes; a view follows with a probability that depends on topic match, and
 * likes, collects, comments, shares, follows, product clicks and purchases follow views. Rows of
 * likes, collects, comments, follows and hides are written from the same decisions as their events.
 */
export function simulateInteractions(random: Random, input: SimulationInput): Simulation {
  const { people, notes, products, window } = input;
  const userCount = people.length;
  const noteCount = notes.length;

  // Zipf-like popularity over a ranking that favours popular authors, so a few notes go viral.
  const ranking = notes
    .map((note) => ({ index: note.index, score: 0.5 * Math.log((people[note.authorIndex]?.popularity ?? 0) + 0.01) + random.normal() }))
    .sort((a, b) => b.score - a.score);
  const popularity = new Float64Array(noteCount);
  const quality = new Float64Array(noteCount);
  ranking.forEach(({ index }, rank) => {
    popularity[index] = 1 / Math.pow(rank + 1, 0.85);
    quality[index] = 1 - rank / Math.max(1, noteCount);
  });
  const shelf = (members: readonly Note[]): Shelf => ({
    notes: Int32Array.from(members, (n) => n.index),
    times: Float64Array.from(members, (n) => n.row.publishedAt?.getTime() ?? 0),
    weights: cumulative(members.map((n) => popularity[n.index] ?? 0)),
  });
  const everything = shelf(notes);
  const shelves = new Map<Topic, Shelf>(TOPICS.map((t) => [t, shelf(notes.filter((n) => n.topicKeys.includes(t)))]));
  const byAuthor = new Map<number, Note[]>();
  for (const note of notes) {
    const list = byAuthor.get(note.authorIndex);
    if (list) list.push(note);
    else byAuthor.set(note.authorIndex, [note]);
  }
  const authorShelves = new Map<number, Shelf>([...byAuthor].map(([author, list]) => [author, shelf(list)]));

  const idIndex = new Map<string, number>(people.map((p) => [p.row.id, p.index]));
  const followees: number[][] = people.map(() => []);
  const following = new Set<number>();
  for (const f of input.follows) {
    const follower = idIndex.get(f.followerId) ?? 0;
    const followee = idIndex.get(f.followeeId) ?? 0;
    following.add(follower * userCount + followee);
    followees[follower]?.push(followee);
  }

  const out: Simulation = {
    log: new EventLog(Math.ceil(input.targetEvents * 1.1)),
    sessionIds: [],
    likes: [],
    collects: [],
    comments: [],
    follows: [],
    hiddenNotes: [],
    hiddenCreators: [],
    viewCounts: new Int32Array(noteCount),
    shareCounts: new Int32Array(noteCount),
  };
  const liked = new Set<number>();
  const collected = new Set<number>();
  const hiddenNote = new Set<number>();
  const hiddenCreator = new Set<number>();
  const topComments = new Map<number, TopComment[]>();

  /** A feed candidate for `user` at time `t`, or -1 when nothing suitable is published yet. */
  const pickNote = (user: Person, t: number, seen: Set<number>): number => {
    for (let attempt = 0; attempt < 4; attempt += 1) {
      const source = random.next();
      const followed = followees[user.index] ?? [];
      let candidate = -1;
      if (source < 0.15 && followed.length > 0) {
        const own = authorShelves.get(random.pick(followed));
        const published = own ? countAtOrBefore(own.times, t) : 0;
        // Followed creators' latest notes, newest first.
        if (own && published > 0) candidate = own.notes[Math.max(0, published - 1 - Math.floor(random.exponential(1.5)))] ?? -1;
      } else {
        const from = source < 0.75 && user.interests.length > 0 ? (shelves.get(random.pick(user.interests)) ?? everything) : everything;
        candidate = drawRecent(random, from, t);
      }
      if (candidate < 0 || seen.has(candidate)) continue;
      const author = notes[candidate]?.authorIndex ?? -1;
      if (author === user.index || hiddenNote.has(user.index * noteCount + candidate) || hiddenCreator.has(user.index * userCount + author))
        continue;
      return candidate;
    }
    return -1;
  };

  const browsers = people.filter((p) => p.activity > 0);
  const activity = cumulative(browsers.map((p) => p.activity));
  const sessionCount = browsers.length === 0 ? 0 : Math.max(1, Math.round(input.targetEvents / EVENTS_PER_SESSION));
  const sessions = Array.from({ length: sessionCount }, () => ({
    user: browsers[drawCumulative(random, activity)] as Person,
    start: activeMoment(random, window.start, window.end),
  })).sort((a, b) => a.start - b.start || a.user.index - b.user.index);

  const { log } = out;
  // Purchases no click led to draw from a stream of their own, so the rest of the world stays as it was.
  const shop = random.fork('shop');
  sessions.forEach(({ user, start }, session) => {
    out.sessionIds.push(random.uuidv7(start));
    const u = user.index;
    if (products.length > 0 && shop.chance(ORGANIC_PURCHASE_RATE)) {
      // Bought straight from a shop, no note involved: an organic sale.
      const product = Math.floor(shop.next() * products.length);
      const at = start + Math.floor(shop.between(1, 20) * 60 * SECOND_MS);
      if (at < window.end) log.push('purchase', at, u, session, -1, product, -1, products[product]?.row.priceMinor ?? 0);
    }
    const seen = new Set<number>();
    const impressions = 4 + Math.min(60, Math.floor(random.exponential(16)));
    let t = start;
    for (let i = 0; i < impressions && t < window.end; i += 1) {
      const n = pickNote(user, t, seen);
      if (n < 0) continue;
      seen.add(n);
      const note = notes[n] as Note;
      const author = note.authorIndex;
      const q = quality[n] ?? 0;
      const match = note.topicKeys.some((k) => user.interests.includes(k)) ? 1 : 0;
      const followsAuthor = following.has(u * userCount + author) ? 1 : 0;
      log.push('impression', t, u, session, n);
      t += Math.floor(random.between(0.8, 4) * SECOND_MS);

      if (!random.chance(0.05 + 0.15 * match + 0.12 * followsAuthor + 0.12 * q)) {
        // "Not interested" is a reaction to off-topic notes, and now and then to their author.
        if (!match && random.chance(0.004)) {
          if (random.chance(0.25)) {
            hiddenCreator.add(u * userCount + author);
            log.push('hide', t, u, session, n, -1, author);
            out.hiddenCreators.push({ userId: user.row.id, creatorId: people[author]?.row.id ?? '', createdAt: new Date(t) });
          } else {
            hiddenNote.add(u * noteCount + n);
            log.push('hide', t, u, session, n);
            out.hiddenNotes.push({ userId: user.row.id, noteId: note.row.id, reason: random.pick(HIDE_REASONS), createdAt: new Date(t) });
          }
          t += Math.floor(random.between(1, 3) * SECOND_MS);
        }
        continue;
      }

      // A view: watch ratio for videos, seconds on the note for images.
      let engagement: number;
      let dwell: number;
      if (note.durationMs !== null) {
        engagement = Math.max(0.02, Math.pow(random.next(), match ? 0.6 : 1.4));
        dwell = engagement * note.durationMs;
        log.push('view', t, u, session, n, -1, -1, Math.round(engagement * 1000) / 1000);
      } else {
        const seconds = 2 + random.exponential(match ? 18 : 8);
        engagement = Math.min(1, seconds / 30);
        dwell = seconds * SECOND_MS;
        log.push('view', t, u, session, n, -1, -1, Math.round(seconds * 10) / 10);
      }
      out.viewCounts[n] = (out.viewCounts[n] ?? 0) + 1;
      const boost = 0.5 + engagement;
      let at = t + Math.floor(dwell / 2);
      const step = (): number => (at += Math.floor(random.between(1, 5) * SECOND_MS));

      const likeKey = u * noteCount + n;
      if (!liked.has(likeKey) && random.chance((0.03 + 0.06 * match + 0.06 * q) * boost)) {
        liked.add(likeKey);
        log.push('like', step(), u, session, n);
        out.likes.push({ userId: user.row.id, noteId: note.row.id, createdAt: new Date(at) });
      }
      if (!collected.has(likeKey) && random.chance((0.015 + 0.03 * match + 0.03 * q) * boost)) {
        collected.add(likeKey);
        const boards = input.boards.get(u);
        const boardId = boards?.get(note.topicKeys[0] as Topic) ?? (random.chance(0.5) ? boards?.get('general') : undefined) ?? null;
        log.push('collect', step(), u, session, n);
        out.collects.push({ userId: user.row.id, noteId: note.row.id, boardId, createdAt: new Date(at) });
      }
      if (random.chance((0.004 + 0.008 * match + 0.006 * q) * boost)) {
        step();
        const threads = topComments.get(n) ?? [];
        const open = threads.filter((c) => c.time < at && c.author !== u);
        const parent = open.length > 0 && random.chance(0.35) ? random.pick(open) : null;
        const id = random.uuidv7(at);
        log.push('comment', at, u, session, n, -1, parent ? parent.author : -1);
        out.comments.push({
          id,
          noteId: note.row.id,
          authorId: user.row.id,
          parentId: parent ? parent.id : null,
          replyToUserId: parent ? (people[parent.author]?.row.id ?? null) : null,
          body: composeComment(random, random.chance(0.8) ? note.lang : user.lang, parent !== null),
          createdAt: new Date(at),
        });
        if (!parent) topComments.set(n, threads.concat({ id, author: u, time: at }));
      }
      if (random.chance((0.004 + 0.01 * q) * boost)) {
        log.push('share', step(), u, session, n);
        out.shareCounts[n] = (out.shareCounts[n] ?? 0) + 1;
      }
      const authorPopularity = people[author]?.popularity ?? 0;
      if (!followsAuthor && random.chance((0.002 + 0.008 * match + 0.02 * authorPopularity) * boost)) {
        following.add(u * userCount + author);
        followees[u]?.push(author);
        log.push('follow', step(), u, session, n, -1, author);
        out.follows.push({ followerId: user.row.id, followeeId: people[author]?.row.id ?? '', createdAt: new Date(at) });
      }
      if (note.productIndexes.length > 0 && random.chance(0.05 + 0.05 * match + (note.row.sponsored ? 0.03 : 0))) {
        const product = random.pick(note.productIndexes);
        log.push('product_click', step(), u, session, n, product);
        if (random.chance(0.08)) {
          // Checkout takes a few minutes in the shop before the purchase is reported back.
          at += Math.floor(random.between(60, 900) * SECOND_MS);
          const amount = (products[product]?.row.priceMinor ?? 0) * (random.chance(0.1) ? 2 : 1);
          log.push('purchase', at, u, session, n, product, -1, amount);
        }
      } else if (note.productIndexes.length > 0 && engagement >= 0.5 && shop.chance(VIEW_THROUGH_PURCHASE_RATE)) {
        // Read to the end without a click, and bought in the shop later that day: view-through.
        const product = shop.pick(note.productIndexes);
        const bought = at + Math.floor(shop.between(0.5, 12) * 3600 * SECOND_MS);
        if (bought < window.end) log.push('purchase', bought, u, session, n, product, -1, products[product]?.row.priceMinor ?? 0);
      }
      t = Math.max(t + Math.floor(dwell), at) + Math.floor(random.between(1, 3) * SECOND_MS);
    }
  });
  return out;
}

/**
 * A popular note published before `t`, looking back over a random horizon (a few days on
 * average) so that fresh notes dominate without old hits disappearing.
 */
function drawRecent(random: Random, shelf: Shelf, t: number): number {
  const end = countAtOrBefore(shelf.times, t);
  if (end === 0) return -1;
  let start = countAtOrBefore(shelf.times, t - random.exponential(4 * DAY_MS));
  if (start >= end) start = 0;
  return shelf.notes[drawCumulative(random, shelf.weights, start, end)] ?? -1;
}
