import { and, asc, desc, eq, gte, inArray, isNotNull, lt, sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../../core/db';
import { follows, interactionEvents, modelVersions, noteProducts, notes, products, users, type EventType } from '../schema';
import { taggedProducts, type TaggedProduct } from '../sql';

/** How much of the event log trainingEvents reads per query. */
const READ_SLICE_MS = 24 * 3_600_000;

/** Events by a signed-in viewer about a note, from `since` until before `until` (null: no end): what training learns from. */
function viewerNoteEventsIn(since: Date, until: Date | null): SQL | undefined {
  return and(
    isNotNull(interactionEvents.userId),
    isNotNull(interactionEvents.noteId),
    gte(interactionEvents.occurredAt, since),
    until ? lt(interactionEvents.occurredAt, until) : undefined,
  );
}

export type ModelVersionRow = typeof modelVersions.$inferSelect;
export type NewModelVersion = Omit<typeof modelVersions.$inferInsert, 'status' | 'promotedAt'>;

export interface TrainingEvent {
  userId: string;
  noteId: string;
  type: EventType;
  value: number | null;
  occurredAt: Date;
}

export interface RecentInterest {
  noteId: string;
  engaged: boolean;
}

export interface PublishedNote {
  id: string;
  authorId: string;
  topics: string[];
  publishedAt: Date;
}

export interface TrendingEvent {
  noteId: string;
  type: EventType;
  anonymous: boolean;
  occurredAt: Date;
}

export interface TrainingNote {
  id: string;
  authorId: string;
  kind: 'image' | 'video';
  topics: string[];
  trendingScore: number;
  publishedAt: Date | null;
  createdAt: Date;
  /** The products the note tags, in tag order. */
  products: TaggedProduct[];
}

export interface TrainingEngagement {
  userId: string;
  noteId: string;
  occurredAt: Date;
}

export interface RecentEngagement {
  noteId: string;
  authorId: string;
  /** The distinct categories of the products the note tags. */
  categories: string[];
  occurredAt: Date;
}

/** One arm's events (see eventsByArm); `moments` holds each per-viewer rate's [mean, sample variance]. */
export interface ArmEvents {
  arm: number;
  users: number;
  exposed: number;
  served: number;
  impressions: number;
  views: number;
  likes: number;
  purchases: number;
  rated: number;
  moments: Record<'ctr' | 'like' | 'purchase', [number | null, number]>;
}

/** What the trainer reads (the event log and the notes, interests and follows it is about) and the model store. */
export class RecommenderRepository {
  constructor(private readonly db: Db) {}

  /**
   * Events of a viewer about a note since `since`, in time order, read a day at a time (the last read
   * open-ended, for events stamped ahead of this clock): one query for a month of the log is a scan and a
   * sort of a million rows at once, a second or more of a core at full priority whatever the reader's own,
   * while a day's is a few tens of milliseconds, and the next is asked for only once the reader has taken
   * the last. Within one transaction the days are read from one snapshot.
   */
  async trainingEvents(since: Date): Promise<TrainingEvent[]> {
    const events: TrainingEvent[] = [];
    const now = Date.now();
    for (let from = since.getTime(); ; from += READ_SLICE_MS) {
      const to = from + READ_SLICE_MS;
      const slice = await this.db
        .select({
          userId: sql<string>`${interactionEvents.userId}`,
          noteId: sql<string>`${interactionEvents.noteId}`,
          type: interactionEvents.type,
          value: interactionEvents.value,
          occurredAt: interactionEvents.occurredAt,
        })
        .from(interactionEvents)
        .where(viewerNoteEventsIn(new Date(from), to < now ? new Date(to) : null))
        .orderBy(asc(interactionEvents.occurredAt));
      for (const event of slice) events.push(event);
      if (to >= now) return events;
    }
  }

  /**
   * The events trending scores count (`types`, repeat views left out, signed in or not) since `since`,
   * in time order: training replays each note's score at each example's moment from them.
   */
  trendingEvents(types: readonly EventType[], since: Date): Promise<TrendingEvent[]> {
    return this.db
      .select({
        noteId: sql<string>`${interactionEvents.noteId}`,
        type: interactionEvents.type,
        anonymous: sql<boolean>`${interactionEvents.userId} IS NULL`,
        occurredAt: interactionEvents.occurredAt,
      })
      .from(interactionEvents)
      .where(
        and(
          isNotNull(interactionEvents.noteId),
          eq(interactionEvents.isRepeat, false),
          inArray(interactionEvents.type, [...types]),
          gte(interactionEvents.occurredAt, since),
        ),
      )
      .orderBy(asc(interactionEvents.occurredAt));
  }

  trainingNotes(): Promise<TrainingNote[]> {
    return this.db
      .select({
        id: notes.id,
        authorId: notes.authorId,
        kind: notes.kind,
        topics: notes.topics,
        trendingScore: notes.trendingScore,
        publishedAt: notes.publishedAt,
        createdAt: notes.createdAt,
        products: taggedProducts,
      })
      .from(notes);
  }

  /**
   * Events of `types` by a viewer about a note from `since` until before `until`, in time order: the
   * history before the training window that affinity profiles reach back into.
   */
  trainingEngagements(types: readonly EventType[], since: Date, until: Date): Promise<TrainingEngagement[]> {
    return this.db
      .select({
        userId: sql<string>`${interactionEvents.userId}`,
        noteId: sql<string>`${interactionEvents.noteId}`,
        occurredAt: interactionEvents.occurredAt,
      })
      .from(interactionEvents)
      .where(and(viewerNoteEventsIn(since, until), inArray(interactionEvents.type, [...types])))
      .orderBy(asc(interactionEvents.occurredAt));
  }

  /**
   * A viewer's latest events of `types` about notes still stored (at most `limit`, none before
   * `since`), newest first, with each note's author and product categories: one query per affinity
   * profile, reading the viewer's slice of the (user, time) index.
   */
  recentEngagements(viewerId: string, types: readonly EventType[], since: Date, limit: number): Promise<RecentEngagement[]> {
    return this.db
      .select({
        noteId: notes.id,
        authorId: notes.authorId,
        categories: sql<string[]>`coalesce((
          SELECT json_agg(DISTINCT p.category)
            FROM ${noteProducts} np JOIN ${products} p ON p.id = np.product_id
           WHERE np.note_id = notes.id), '[]'::json)`,
        occurredAt: interactionEvents.occurredAt,
      })
      .from(interactionEvents)
      .innerJoin(notes, eq(notes.id, interactionEvents.noteId))
      .where(
        and(eq(interactionEvents.userId, viewerId), inArray(interactionEvents.type, [...types]), gte(interactionEvents.occurredAt, since)),
      )
      .orderBy(desc(interactionEvents.occurredAt))
      .limit(limit);
  }

  /**
   * The notes a viewer showed interest in (an event of `types`) since `since`, the latest first by when
   * that interest began, at most `limit`, each with whether any of its events was one of `engaging`: the
   * history the feed's retrieval tower reads, from the viewer's slice of the (user, time) index.
   */
  recentInterests(
    viewerId: string,
    { types, engaging, since, limit }: { types: readonly EventType[]; engaging: readonly EventType[]; since: Date; limit: number },
  ): Promise<RecentInterest[]> {
    return this.db
      .select({
        noteId: sql<string>`${interactionEvents.noteId}`,
        engaged: sql<boolean>`bool_or(${inArray(interactionEvents.type, [...engaging])})`,
      })
      .from(interactionEvents)
      .where(
        and(
          eq(interactionEvents.userId, viewerId),
          inArray(interactionEvents.type, [...types]),
          gte(interactionEvents.occurredAt, since),
          isNotNull(interactionEvents.noteId),
        ),
      )
      .groupBy(interactionEvents.noteId)
      .orderBy(sql`min(${interactionEvents.occurredAt}) DESC`, desc(interactionEvents.noteId))
      .limit(limit);
  }

  /** Published notes' creators and topics, published at or after `since` (all of them without one), oldest first. */
  async publishedNotes(since: Date | null): Promise<PublishedNote[]> {
    const rows = await this.db
      .select({ id: notes.id, authorId: notes.authorId, topics: notes.topics, publishedAt: notes.publishedAt })
      .from(notes)
      .where(and(eq(notes.status, 'published'), isNotNull(notes.publishedAt), since ? gte(notes.publishedAt, since) : undefined))
      .orderBy(asc(notes.publishedAt));
    return rows.flatMap((row) => (row.publishedAt ? [{ ...row, publishedAt: row.publishedAt }] : []));
  }

  /**
   * The notes a viewer read (view events) since `since`, the most recently read first, at most `limit`:
   * the viewer's slice of the (user, time) index, in the months the window spans.
   */
  async notesReadSince(viewerId: string, since: Date, limit: number): Promise<string[]> {
    const rows = await this.db
      .select({ noteId: sql<string>`${interactionEvents.noteId}` })
      .from(interactionEvents)
      .where(
        and(
          eq(interactionEvents.userId, viewerId),
          eq(interactionEvents.type, 'view'),
          gte(interactionEvents.occurredAt, since),
          isNotNull(interactionEvents.noteId),
        ),
      )
      .groupBy(interactionEvents.noteId)
      .orderBy(sql`max(${interactionEvents.occurredAt}) DESC`)
      .limit(limit);
    return rows.map((r) => r.noteId);
  }

  async interestsByUser(): Promise<Map<string, string[]>> {
    const rows = await this.db
      .select({ id: users.id, interests: users.interests })
      .from(users)
      .where(sql`cardinality(${users.interests}) > 0`);
    return new Map(rows.map((r) => [r.id, r.interests]));
  }

  async followeesByUser(): Promise<Map<string, Set<string>>> {
    const rows = await this.db.select({ follower: follows.followerId, followee: follows.followeeId }).from(follows);
    const byUser = new Map<string, Set<string>>();
    for (const { follower, followee } of rows) {
      const set = byUser.get(follower) ?? new Set<string>();
      byUser.set(follower, set.add(followee));
    }
    return byUser;
  }

  /**
   * Per arm of experiment `name` since `since` (the arm being the low bit of the first byte of
   * md5('<name>:<user id>'), the hash the feed assigns arms with): event totals, and for each rate per
   * impression its mean and sample variance over the arm's viewers with an impression, each viewer's
   * own rate one observation. One row per viewer inside, one per arm out, in one pass.
   */
  async eventsByArm(name: string, since: Date): Promise<ArmEvents[]> {
    const result = await this.db.execute(sql`
      WITH counts AS (
        SELECT get_byte(decode(md5(${name} || ':' || user_id::text), 'hex'), 0) & 1 AS arm,
               count(*) FILTER (WHERE type = 'served') AS served,
               count(*) FILTER (WHERE type = 'impression') AS impressions,
               count(*) FILTER (WHERE type = 'view') AS views,
               count(*) FILTER (WHERE type = 'like') AS likes,
               count(*) FILTER (WHERE type = 'purchase') AS purchases
          FROM ${interactionEvents}
         WHERE user_id IS NOT NULL AND occurred_at >= ${since.toISOString()}::timestamptz
         GROUP BY user_id),
      -- A viewer without an impression has no rates: NULL, which avg and var_samp leave out.
      per_viewer AS (
        SELECT *, views::float8 / nullif(impressions, 0) AS ctr, likes::float8 / nullif(impressions, 0) AS like_rate,
               purchases::float8 / nullif(impressions, 0) AS purchase_rate
          FROM counts)
      SELECT arm, count(*)::int AS users, (count(*) FILTER (WHERE served > 0))::int AS exposed,
             sum(served)::int AS served, sum(impressions)::int AS impressions, sum(views)::int AS views,
             sum(likes)::int AS likes, sum(purchases)::int AS purchases,
             (count(*) FILTER (WHERE impressions > 0))::int AS rated,
             json_build_object(
               'ctr', json_build_array(avg(ctr), coalesce(var_samp(ctr), 0)),
               'like', json_build_array(avg(like_rate), coalesce(var_samp(like_rate), 0)),
               'purchase', json_build_array(avg(purchase_rate), coalesce(var_samp(purchase_rate), 0))) AS moments
        FROM per_viewer
       GROUP BY arm`);
    return rowsOf<ArmEvents>(result);
  }

  /** When the last training run that produced a version (promoted or not) finished; null before the first. */
  async lastTrainedAt(): Promise<Date | null> {
    const [row] = await this.db.select({ at: sql<string | Date | null>`max(${modelVersions.createdAt})` }).from(modelVersions);
    return row?.at ? new Date(row.at) : null;
  }

  async servingVersionId(): Promise<string | null> {
    const [row] = await this.db.select({ id: modelVersions.id }).from(modelVersions).where(eq(modelVersions.status, 'serving'));
    return row?.id ?? null;
  }

  async servingVersion(): Promise<ModelVersionRow | null> {
    const [row] = await this.db.select().from(modelVersions).where(eq(modelVersions.status, 'serving'));
    return row ?? null;
  }

  async findVersion(id: string): Promise<ModelVersionRow | null> {
    const [row] = await this.db.select().from(modelVersions).where(eq(modelVersions.id, id));
    return row ?? null;
  }

  /** Stores a trained version that lost to the serving one, for the record. */
  async insertRejected(version: NewModelVersion): Promise<void> {
    await this.db.insert(modelVersions).values({ ...version, status: 'rejected' });
  }

  /**
   * Stores a version as the serving one and retires the previous. Run it in a transaction: the
   * unique index on the serving status makes two concurrent promotions fail rather than both serve.
   */
  async insertServing(version: NewModelVersion): Promise<void> {
    await this.db.update(modelVersions).set({ status: 'retired' }).where(eq(modelVersions.status, 'serving'));
    await this.db.insert(modelVersions).values({ ...version, status: 'serving', promotedAt: new Date() });
  }
}
