import { and, arrayContains, asc, count, desc, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import { rowsOf, toPgArray, type Db } from '../../core/db';
import { anyUuid, keysetBefore, taggedProducts, type TaggedProduct } from '../sql';
import { noteMedia, noteProducts, notes, type EventType } from '../schema';

export type NoteRow = Omit<typeof notes.$inferSelect, 'search'>;
/** A note as a feed card shows it: the row, its media in display order and its product tags. */
export type NoteCard = NoteRow & { media: NoteMediaRow[]; tags: NoteProductRow[] };
export type NewNote = Omit<typeof notes.$inferInsert, 'search'>;
export type NoteChanges = Partial<Pick<NewNote, 'title' | 'body' | 'topics' | 'sponsored' | 'sponsorBrandId' | 'sponsorStatus' | 'kind'>>;
export type NoteMediaRow = typeof noteMedia.$inferSelect;
export type NoteProductRow = typeof noteProducts.$inferSelect;
export type NoteStatus = NoteRow['status'];

export interface CounterDelta {
  likes?: number;
  collects?: number;
  comments?: number;
  shares?: number;
  views?: number;
}

/** Every column but the derived search vector, which no caller reads. */
const noteColumns = {
  id: notes.id,
  authorId: notes.authorId,
  kind: notes.kind,
  title: notes.title,
  body: notes.body,
  topics: notes.topics,
  status: notes.status,
  sponsored: notes.sponsored,
  sponsorBrandId: notes.sponsorBrandId,
  sponsorStatus: notes.sponsorStatus,
  likeCount: notes.likeCount,
  collectCount: notes.collectCount,
  commentCount: notes.commentCount,
  shareCount: notes.shareCount,
  viewCount: notes.viewCount,
  trendingScore: notes.trendingScore,
  createdAt: notes.createdAt,
  updatedAt: notes.updatedAt,
  publishedAt: notes.publishedAt,
  failureReason: notes.failureReason,
};

/** What ranking needs of a candidate: recall reads hundreds per page, so it skips text and counters. */
const candidateColumns = {
  id: notes.id,
  authorId: notes.authorId,
  kind: notes.kind,
  topics: notes.topics,
  status: notes.status,
  sponsored: notes.sponsored,
  viewCount: notes.viewCount,
  trendingScore: notes.trendingScore,
  createdAt: notes.createdAt,
  publishedAt: notes.publishedAt,
  products: taggedProducts,
};

export type CandidateRow = Pick<NoteRow, Exclude<keyof typeof candidateColumns, 'products'>> & { products: TaggedProduct[] };

const published = eq(notes.status, 'published');

export type CardExtrasRow = { noteId: string; media: NoteMediaRow[]; tags: NoteProductRow[] };

/** A note's media as JSON rows in display order; `noteId` names the note's id column, qualified. */
function mediaJson(noteId: SQL): SQL<NoteMediaRow[]> {
  return sql<NoteMediaRow[]>`coalesce((SELECT json_agg(json_build_object(
      'noteId', m.note_id, 'position', m.position, 'kind', m.kind, 'url', m.url, 'width', m.width,
      'height', m.height, 'durationMs', m.duration_ms, 'mediaId', m.media_id) ORDER BY m.position)
    FROM ${noteMedia} m WHERE m.note_id = ${noteId}), '[]'::json)`;
}

/** A note's product tags as JSON rows in tag order. */
function tagsJson(noteId: SQL): SQL<NoteProductRow[]> {
  return sql<NoteProductRow[]>`coalesce((SELECT json_agg(json_build_object(
      'noteId', t.note_id, 'productId', t.product_id, 'position', t.position, 'imageIndex', t.image_index,
      'x', t.x, 'y', t.y, 'atMs', t.at_ms) ORDER BY t.position)
    FROM ${noteProducts} t WHERE t.note_id = ${noteId}), '[]'::json)`;
}

/** Keyset condition "after (time, id)" for lists of notes ordered by time desc, id desc. */
function before(column: typeof notes.createdAt | typeof notes.publishedAt, after?: { at: Date; id: string }): SQL | undefined {
  return keysetBefore(column, notes.id, after && { key: after.at, id: after.id });
}

/** How trending scores are computed (recommender/trending-rule.ts holds the one rule the product uses). */
export interface TrendingRule {
  windowHours: number;
  halfLifeHours: number;
  /** Weight of each event type; types not named count nothing. */
  weights: Partial<Record<EventType, number>>;
  /** The most of their weight anonymous events add, and never more than the signed-in score. */
  anonymousShare: number;
}

export class NotesRepository {
  constructor(private readonly db: Db) {}

  async findByIds(ids: readonly string[]): Promise<NoteRow[]> {
    if (ids.length === 0) return [];
    return this.db.select(noteColumns).from(notes).where(anyUuid(notes.id, ids));
  }

  /** The kind of each published note among `ids`: what an event about a note is checked against. */
  async publishedKinds(ids: readonly string[]): Promise<Map<string, NoteRow['kind']>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .select({ id: notes.id, kind: notes.kind })
      .from(notes)
      .where(and(anyUuid(notes.id, ids), published));
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  /** Notes as ranking candidates, by id, whatever their status (filters decide). */
  async candidatesByIds(ids: readonly string[]): Promise<CandidateRow[]> {
    if (ids.length === 0) return [];
    return this.db.select(candidateColumns).from(notes).where(anyUuid(notes.id, ids));
  }

  async insert(note: NewNote): Promise<NoteRow> {
    const [row] = await this.db.insert(notes).values(note).returning(noteColumns);
    if (!row) throw new Error('insert into notes returned nothing');
    return row;
  }

  async update(id: string, changes: NoteChanges): Promise<NoteRow | undefined> {
    const [row] = await this.db
      .update(notes)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(notes.id, id))
      .returning(noteColumns);
    return row;
  }

  async pendingSponsorships(brandId: string, limit: number): Promise<NoteRow[]> {
    return this.db
      .select(noteColumns)
      .from(notes)
      .where(and(eq(notes.sponsorBrandId, brandId), eq(notes.sponsorStatus, 'pending'), ne(notes.status, 'removed')))
      .orderBy(desc(notes.createdAt), desc(notes.id))
      .limit(limit);
  }

  async setStatus(id: string, status: NoteStatus, publishedAt?: Date): Promise<NoteRow | undefined> {
    const [row] = await this.db
      .update(notes)
      .set({ status, updatedAt: new Date(), ...(publishedAt ? { publishedAt } : {}) })
      .where(eq(notes.id, id))
      .returning(noteColumns);
    return row;
  }

  /** Notes waiting for their files (status 'processing') that show this media. */
  async waitingForMedia(mediaId: string): Promise<{ id: string; authorId: string }[]> {
    return this.db
      .selectDistinct({ id: notes.id, authorId: notes.authorId })
      .from(notes)
      .innerJoin(noteMedia, eq(noteMedia.noteId, notes.id))
      .where(and(eq(noteMedia.mediaId, mediaId), eq(notes.status, 'processing')));
  }

  /**
   * Locks a note's row until the transaction ends. Two files of one note finishing at once each
   * settle the note after this, so the second sees the first's committed status rather than
   * "processing", and the note is not left waiting.
   */
  async lockForSettling(noteId: string): Promise<void> {
    await this.db.select({ id: notes.id }).from(notes).where(eq(notes.id, noteId)).for('update');
  }

  /** Puts a 'processing' note into its final state; false when something else moved it first. */
  async settle(noteId: string, outcome: { publishedAt: Date } | { failureReason: string }): Promise<boolean> {
    const change =
      'publishedAt' in outcome
        ? { status: 'published' as const, publishedAt: outcome.publishedAt, failureReason: null }
        : { status: 'failed' as const, failureReason: outcome.failureReason };
    const rows = await this.db
      .update(notes)
      .set({ ...change, updatedAt: new Date() })
      .where(and(eq(notes.id, noteId), eq(notes.status, 'processing')))
      .returning({ id: notes.id });
    return rows.length > 0;
  }

  async replaceMedia(noteId: string, media: Omit<NoteMediaRow, 'noteId'>[]): Promise<void> {
    await this.db.delete(noteMedia).where(eq(noteMedia.noteId, noteId));
    if (media.length > 0) await this.db.insert(noteMedia).values(media.map((m) => ({ ...m, noteId })));
  }

  async replaceProductTags(noteId: string, tags: Omit<NoteProductRow, 'noteId'>[]): Promise<void> {
    await this.db.delete(noteProducts).where(eq(noteProducts.noteId, noteId));
    if (tags.length > 0) await this.db.insert(noteProducts).values(tags.map((t) => ({ ...t, noteId })));
  }

  async mediaOf(noteIds: readonly string[]): Promise<NoteMediaRow[]> {
    if (noteIds.length === 0) return [];
    return this.db.select().from(noteMedia).where(anyUuid(noteMedia.noteId, noteIds)).orderBy(asc(noteMedia.position));
  }

  /**
   * The media and product tags of each note, in display order, in one round trip: a page of cards
   * needs both. Notes that do not exist come back with neither.
   */
  async cardExtrasOf(noteIds: readonly string[]): Promise<CardExtrasRow[]> {
    if (noteIds.length === 0) return [];
    return rowsOf<CardExtrasRow>(
      await this.db.execute(sql`
        SELECT n.id AS "noteId", ${mediaJson(sql`n.id`)} AS media, ${tagsJson(sql`n.id`)} AS tags
          FROM unnest(${toPgArray(noteIds)}::uuid[]) AS n(id)`),
    );
  }

  /** Notes with their media and product tags, for cards: what findByIds and cardExtrasOf read, in one round trip. */
  async cardsByIds(ids: readonly string[]): Promise<NoteCard[]> {
    if (ids.length === 0) return [];
    return this.db
      .select({ ...noteColumns, media: mediaJson(sql`notes.id`), tags: tagsJson(sql`notes.id`) })
      .from(notes)
      .where(anyUuid(notes.id, ids));
  }

  async productTagsOf(noteIds: readonly string[]): Promise<NoteProductRow[]> {
    if (noteIds.length === 0) return [];
    return this.db.select().from(noteProducts).where(anyUuid(noteProducts.noteId, noteIds)).orderBy(asc(noteProducts.position));
  }

  async adjustCounters(noteId: string, delta: CounterDelta): Promise<void> {
    await this.db
      .update(notes)
      .set({
        likeCount: sql`${notes.likeCount} + ${delta.likes ?? 0}`,
        collectCount: sql`${notes.collectCount} + ${delta.collects ?? 0}`,
        commentCount: sql`${notes.commentCount} + ${delta.comments ?? 0}`,
        shareCount: sql`${notes.shareCount} + ${delta.shares ?? 0}`,
        viewCount: sql`${notes.viewCount} + ${delta.views ?? 0}`,
      })
      .where(eq(notes.id, noteId));
  }

  /**
   * Counted views of each note (recordEvents counts a whole batch), added to their view counts by the next
   * applyQueuedViews(): appending locks no note, where adding at once locked every note the batch named
   * until its commit, and concurrent batches naming the same notes waited on each other.
   */
  async queueViews(viewsByNote: ReadonlyMap<string, number>): Promise<void> {
    if (viewsByNote.size === 0) return;
    const ids = [...viewsByNote.keys()];
    await this.db.execute(sql`
      INSERT INTO note_view_deltas (note_id, views)
      SELECT * FROM unnest(${toPgArray(ids)}::uuid[], ${toPgArray(ids.map((id) => viewsByNote.get(id) ?? 0))}::int[])`);
  }

  /**
   * Adds the queued views to the notes' view counts and forgets them, in one statement: views queued by a
   * batch that commits meanwhile stay for the next call. How many notes' counts changed.
   */
  async applyQueuedViews(): Promise<number> {
    const result = await this.db.execute(sql`
      WITH taken AS (DELETE FROM note_view_deltas RETURNING note_id, views),
           summed AS (SELECT note_id, sum(views)::int AS views FROM taken GROUP BY note_id)
      UPDATE notes SET view_count = notes.view_count + summed.views
        FROM summed
       WHERE notes.id = summed.note_id
      RETURNING notes.id`);
    return rowsOf(result).length;
  }

  /** The author's notes, newest first; drafts and failed notes only when the author asks. */
  async listByAuthor(authorId: string, includeUnpublished: boolean, limit: number, after?: { at: Date; id: string }): Promise<NoteRow[]> {
    return this.db
      .select(noteColumns)
      .from(notes)
      .where(
        and(eq(notes.authorId, authorId), includeUnpublished ? ne(notes.status, 'removed') : published, before(notes.createdAt, after)),
      )
      .orderBy(desc(notes.createdAt), desc(notes.id))
      .limit(limit);
  }

  async listByTopic(topic: string, limit: number, after?: { at: Date; id: string }): Promise<NoteRow[]> {
    return this.db
      .select(noteColumns)
      .from(notes)
      .where(and(published, arrayContains(notes.topics, [topic]), before(notes.publishedAt, after)))
      .orderBy(desc(notes.publishedAt), desc(notes.id))
      .limit(limit);
  }

  async listTaggingProduct(productId: string, limit: number, after?: { at: Date; id: string }): Promise<NoteRow[]> {
    const tagged = sql`EXISTS (SELECT 1 FROM ${noteProducts} t WHERE t.note_id = ${notes.id} AND t.product_id = ${productId})`;
    return this.db
      .select(noteColumns)
      .from(notes)
      .where(and(published, tagged, before(notes.publishedAt, after)))
      .orderBy(desc(notes.publishedAt), desc(notes.id))
      .limit(limit);
  }

  /** Topics of published notes starting with a prefix, the most used first, with how many notes use each. */
  async topicsByPrefix(prefix: string, limit: number): Promise<{ name: string; noteCount: number }[]> {
    const pattern = `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const result = await this.db.execute(sql`
      SELECT t AS name, count(*)::int AS n FROM ${notes}, unnest(${notes.topics}) AS t
       WHERE ${notes.status} = 'published' AND t LIKE ${pattern}
       GROUP BY t ORDER BY n DESC, t LIMIT ${limit}`);
    return rowsOf<{ name: string; n: number }>(result).map((r) => ({ name: r.name, noteCount: Number(r.n) }));
  }

  async countByTopic(topic: string): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(notes)
      .where(and(published, arrayContains(notes.topics, [topic])));
    return row?.n ?? 0;
  }

  /** Likes and collects each author's published notes have received, from the notes' counters rather than the like rows. */
  async likesAndCollectsReceived(authorIds: readonly string[]): Promise<Map<string, number>> {
    if (authorIds.length === 0) return new Map();
    const rows = await this.db
      .select({ authorId: notes.authorId, n: sql<number>`sum(${notes.likeCount} + ${notes.collectCount})::int` })
      .from(notes)
      .where(and(published, anyUuid(notes.authorId, authorIds)))
      .groupBy(notes.authorId);
    return new Map(rows.map((r) => [r.authorId, r.n]));
  }

  /** Newest published notes of the creators `viewerId` follows, minus what the viewer hid. */
  async listFollowing(viewerId: string, limit: number, after?: { at: Date; id: string }): Promise<NoteRow[]> {
    return this.db
      .select(noteColumns)
      .from(notes)
      .where(
        and(
          published,
          sql`${notes.authorId} IN (SELECT followee_id FROM follows WHERE follower_id = ${viewerId})`,
          notHiddenBy(viewerId),
          before(notes.publishedAt, after),
        ),
      )
      .orderBy(desc(notes.publishedAt), desc(notes.id))
      .limit(limit);
  }

  /** Published notes by trending score, minus what the viewer hid and their own notes. */
  async listTrending(viewerId: string | null, limit: number, after?: { score: number; id: string }): Promise<NoteRow[]> {
    const page = keysetBefore(notes.trendingScore, notes.id, after && { key: after.score, id: after.id });
    return this.db
      .select(noteColumns)
      .from(notes)
      .where(and(published, viewerId ? notHiddenBy(viewerId) : undefined, page))
      .orderBy(desc(notes.trendingScore), desc(notes.id))
      .limit(limit);
  }

  /** Candidate ids of one recall source, excluding notes already served in the scroll session. */
  async recallTrending(limit: number, excludeIds: readonly string[]): Promise<CandidateRow[]> {
    return this.db
      .select(candidateColumns)
      .from(notes)
      .where(and(published, notIn(excludeIds)))
      .orderBy(desc(notes.trendingScore), desc(notes.id))
      .limit(limit);
  }

  /** Exploration: notes of the last week that few have read yet, so new notes and creators get seen. */
  async recallFresh(limit: number, excludeIds: readonly string[]): Promise<CandidateRow[]> {
    return this.db
      .select(candidateColumns)
      .from(notes)
      .where(and(published, gt(notes.publishedAt, sql`now() - interval '7 days'`), notIn(excludeIds)))
      .orderBy(asc(notes.viewCount), desc(notes.publishedAt), desc(notes.id))
      .limit(limit);
  }

  /** The ids of the newest notes published since `since` by the creators the viewer follows. */
  async recallFollowed(viewerId: string, since: Date, limit: number, excludeIds: readonly string[]): Promise<string[]> {
    const rows = await this.db
      .select({ id: notes.id })
      .from(notes)
      .where(
        and(
          published,
          sql`${notes.authorId} IN (SELECT followee_id FROM follows WHERE follower_id = ${viewerId})`,
          sql`${notes.publishedAt} >= ${since.toISOString()}`,
          notIn(excludeIds),
        ),
      )
      .orderBy(desc(notes.publishedAt), desc(notes.id))
      .limit(limit);
    return rows.map((row) => row.id);
  }

  async recallByTopics(topics: readonly string[], limit: number, excludeIds: readonly string[]): Promise<CandidateRow[]> {
    if (topics.length === 0) return [];
    return this.db
      .select(candidateColumns)
      .from(notes)
      .where(and(published, sql`${notes.topics} && ${toPgArray(topics)}::text[]`, notIn(excludeIds)))
      .orderBy(desc(notes.trendingScore), desc(notes.id))
      .limit(limit);
  }

  /** Which of these notes a viewer may be shown beside another: published, and (signed in) neither hidden nor their own. */
  async visibleAmong(ids: readonly string[], viewerId: string | null): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db
      .select({ id: notes.id })
      .from(notes)
      .where(and(published, anyUuid(notes.id, ids), viewerId ? notHiddenBy(viewerId) : undefined));
    return new Set(rows.map((r) => r.id));
  }

  /**
   * Ids of published notes sharing a topic with the note, by trending score (the trending index's
   * order, so a popular topic costs no sort), minus the note and, signed in, what the viewer hid or wrote.
   */
  async relatedByTopics(note: Pick<NoteRow, 'id' | 'topics'>, limit: number, viewerId: string | null): Promise<string[]> {
    if (note.topics.length === 0) return [];
    const rows = await this.db
      .select({ id: notes.id })
      .from(notes)
      .where(
        and(
          published,
          sql`${notes.topics} && ${toPgArray(note.topics)}::text[]`,
          ne(notes.id, note.id),
          viewerId ? notHiddenBy(viewerId) : undefined,
        ),
      )
      .orderBy(desc(notes.trendingScore), desc(notes.id))
      .limit(limit);
    return rows.map((r) => r.id);
  }

  reconcileCounters(): Promise<number> {
    return reconcileNoteCounters(this.db);
  }

  /**
   * Recomputes every note's trending score from the interaction log: engagement of the last
   * `windowHours`, weighted by kind and decayed with a `halfLifeHours` half-life, repeated views
   * left out. Signed-out viewers' events weigh `anonymousShare` and add at most what signed-in viewers
   * gave the note: anonymous traffic, which nothing vouches for, can lift a note that people with
   * accounts engage with but never carry one alone.
   */
  async refreshTrendingScores({ windowHours, halfLifeHours, weights, anonymousShare }: TrendingRule): Promise<number> {
    const weight = sql.join(
      Object.entries(weights).map(([type, w]) => sql`WHEN ${type}::event_type THEN ${w}::float8`),
      sql` `,
    );
    const result = await this.db.execute(sql`
      WITH weighted AS (
        SELECT note_id, user_id IS NULL AS anonymous,
               CASE type ${weight} ELSE 0 END
               * exp(-ln(2) * extract(epoch FROM now() - occurred_at) / 3600.0 / ${halfLifeHours}) AS w
          FROM interaction_events
         WHERE occurred_at > now() - make_interval(hours => ${windowHours}) AND note_id IS NOT NULL AND NOT is_repeat
      ), recent AS (
        SELECT note_id, signed + least(${anonymousShare}::float8 * anonymous, signed) AS score
          FROM (SELECT note_id, coalesce(sum(w) FILTER (WHERE NOT anonymous), 0) AS signed,
                       coalesce(sum(w) FILTER (WHERE anonymous), 0) AS anonymous
                  FROM weighted GROUP BY note_id) s
      )
      UPDATE notes SET trending_score = coalesce(recent.score, 0)
        FROM notes AS n LEFT JOIN recent ON recent.note_id = n.id
       WHERE notes.id = n.id AND notes.trending_score IS DISTINCT FROM coalesce(recent.score, 0)::real
      RETURNING notes.id`);
    return rowsOf(result).length;
  }
}

/**
 * Recounts likes, collects and comments from their rows and fixes any note whose counters
 * drifted (a crash between statements, a manual fix in the database). Returns notes fixed.
 */
export async function reconcileNoteCounters(db: Db): Promise<number> {
  const result = await db.execute(sql`
    WITH truth AS (
      SELECT n.id,
             (SELECT count(*) FROM likes l WHERE l.note_id = n.id)::int AS likes,
             (SELECT count(*) FROM collects c WHERE c.note_id = n.id)::int AS collects,
             (SELECT count(*) FROM comments m WHERE m.note_id = n.id)::int AS comments
        FROM notes n
    )
    UPDATE notes SET like_count = truth.likes, collect_count = truth.collects, comment_count = truth.comments
      FROM truth
     WHERE notes.id = truth.id
       AND (notes.like_count, notes.collect_count, notes.comment_count) IS DISTINCT FROM (truth.likes, truth.collects, truth.comments)
    RETURNING notes.id`);
  return rowsOf(result).length;
}

function notHiddenBy(viewerId: string): SQL {
  return sql`NOT EXISTS (SELECT 1 FROM hidden_notes h WHERE h.user_id = ${viewerId} AND h.note_id = ${notes.id})
    AND NOT EXISTS (SELECT 1 FROM hidden_creators c WHERE c.user_id = ${viewerId} AND c.creator_id = ${notes.authorId})
    AND ${notes.authorId} <> ${viewerId}`;
}

function notIn(ids: readonly string[]): SQL | undefined {
  return ids.length === 0 ? undefined : sql`${notes.id} <> ALL(${toPgArray(ids)}::uuid[])`;
}
