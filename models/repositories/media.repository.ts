import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { media, noteMedia, users, type MediaVariants } from '../schema';
import { anyUuid } from '../sql';

export type MediaRow = typeof media.$inferSelect;
export type NewMedia = typeof media.$inferInsert;

export interface ReadyMedia {
  width: number;
  height: number;
  durationMs: number | null;
  aspectRatio: number;
  dominantColor: string | null;
  thumbhash: string | null;
  variants: MediaVariants;
  /** What note cards show: the large image or the master playlist. */
  url: string;
}

/** What an account holds and has sent, as the upload quota counts it (media/quota.ts). */
export interface UploadUsage {
  /** Uploads no note or avatar uses, not failed, sent since `unattachedSince`. */
  unattached: number;
  oldestUnattachedAt: Date | null;
  /** Bytes of every upload sent since `daySince`, failed ones included: they cost as much to receive. */
  bytes: number;
  oldestAt: Date | null;
}

/** A note's media slot or an account's avatar uses the upload. */
const inUse = sql`(exists (select 1 from ${noteMedia} where ${noteMedia.mediaId} = ${media.id})
  or exists (select 1 from ${users} where ${users.avatarMediaId} = ${media.id}))`;

const asDate = (value: unknown) => new Date(value as string | Date);

export class MediaRepository {
  constructor(private readonly db: Db) {}

  async insert(row: NewMedia): Promise<MediaRow> {
    const [inserted] = await this.db.insert(media).values(row).returning();
    if (!inserted) throw new Error('insert into media returned nothing');
    return inserted;
  }

  async findByIds(ids: readonly string[]): Promise<MediaRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(media).where(anyUuid(media.id, ids));
  }

  /** Progress only moves forward, and only while processing: a late report cannot undo 'ready'. */
  async setProgress(id: string, percent: number): Promise<boolean> {
    const rows = await this.db
      .update(media)
      .set({ progress: percent, updatedAt: new Date() })
      .where(and(eq(media.id, id), eq(media.status, 'processing'), lt(media.progress, percent)))
      .returning({ id: media.id });
    return rows.length > 0;
  }

  async setProbe(id: string, probe: { width: number; height: number; durationMs: number | null }): Promise<void> {
    await this.db
      .update(media)
      .set({ ...probe, aspectRatio: probe.width / probe.height, updatedAt: new Date() })
      .where(eq(media.id, id));
  }

  /** Marks the media ready and gives every note slot that shows it its final URL and size. */
  async markReady(id: string, ready: ReadyMedia): Promise<MediaRow | undefined> {
    const { url, ...fields } = ready;
    const now = new Date();
    const [row] = await this.db
      .update(media)
      .set({ ...fields, status: 'ready', progress: 100, originalKey: null, updatedAt: now, readyAt: now })
      .where(and(eq(media.id, id), ne(media.status, 'failed')))
      .returning();
    if (row) {
      await this.db
        .update(noteMedia)
        .set({ url, width: ready.width, height: ready.height, durationMs: ready.durationMs })
        .where(eq(noteMedia.mediaId, id));
    }
    return row;
  }

  async markFailed(id: string, reason: string, message: string): Promise<MediaRow | undefined> {
    const [row] = await this.db
      .update(media)
      .set({ status: 'failed', failureReason: reason, failureMessage: message, originalKey: null, updatedAt: new Date() })
      .where(and(eq(media.id, id), eq(media.status, 'processing')))
      .returning();
    return row;
  }

  /** The status of every uploaded file a note shows. */
  async statusesOfNote(noteId: string): Promise<{ mediaId: string; status: MediaRow['status']; failureMessage: string | null }[]> {
    return this.db
      .select({ mediaId: media.id, status: media.status, failureMessage: media.failureMessage })
      .from(noteMedia)
      .innerJoin(media, eq(media.id, noteMedia.mediaId))
      .where(eq(noteMedia.noteId, noteId));
  }

  async uploadUsage(ownerId: string, windows: { unattachedSince: Date; daySince: Date }): Promise<UploadUsage> {
    const unattachedSince = windows.unattachedSince.toISOString();
    const daySince = windows.daySince.toISOString();
    const unattached = sql`(${media.status} <> 'failed' and ${media.createdAt} >= ${unattachedSince} and not ${inUse})`;
    const today = sql`(${media.createdAt} >= ${daySince})`;
    const [row] = await this.db
      .select({
        unattached: sql<number>`count(*) filter (where ${unattached})::int`,
        oldestUnattachedAt: sql`min(${media.createdAt}) filter (where ${unattached})`.mapWith(asDate),
        bytes: sql`coalesce(sum(${media.bytes}) filter (where ${today}), 0)`.mapWith(Number),
        oldestAt: sql`min(${media.createdAt}) filter (where ${today})`.mapWith(asDate),
      })
      .from(media)
      .where(and(eq(media.ownerId, ownerId), sql`${media.createdAt} >= least(${unattachedSince}::timestamptz, ${daySince}::timestamptz)`));
    return {
      unattached: row?.unattached ?? 0,
      oldestUnattachedAt: row?.oldestUnattachedAt ?? null,
      bytes: row?.bytes ?? 0,
      oldestAt: row?.oldestAt ?? null,
    };
  }

  /**
   * Inside a transaction: holds the owner's row until it ends, so that two uploads of one account
   * are counted against its quota one after the other. NO KEY UPDATE leaves rows that merely
   * reference the account (its likes, notes, events) free to be written meanwhile.
   */
  async lockOwner(ownerId: string): Promise<void> {
    await this.db.select({ id: users.id }).from(users).where(eq(users.id, ownerId)).for('no key update');
  }

  /**
   * Inside the transaction that makes a note or an avatar use these uploads: the rows that still
   * exist, held until it commits. The collector skips a held row, and one it holds first is gone
   * by the time this returns, so an upload is never collected while something starts using it.
   */
  async holdForUse(ids: readonly string[]): Promise<MediaRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(media).where(anyUuid(media.id, ids)).for('key share');
  }

  /**
   * Inside a transaction, with deleteUnused() after it: up to `limit` uploads sent before `cutoff`
   * that nothing uses, locked. A processing one is taken only once its progress too is that old,
   * and a row a note or an avatar is taking right now (holdForUse) is skipped.
   */
  async lockCollectable(cutoff: Date, limit: number): Promise<string[]> {
    const before = cutoff.toISOString();
    const rows = await this.db
      .select({ id: media.id })
      .from(media)
      .where(
        and(
          sql`${media.createdAt} < ${before}`,
          sql`(${media.status} <> 'processing' or ${media.updatedAt} < ${before})`,
          sql`not ${inUse}`,
        ),
      )
      .orderBy(media.createdAt)
      .limit(limit)
      .for('update', { skipLocked: true });
    return rows.map((r) => r.id);
  }

  /**
   * Deletes those of the locked rows that nothing uses, and returns them. A statement of its own,
   * after the locks were taken: it sees every use committed before, and none can begin until the
   * transaction ends.
   */
  async deleteUnused(ids: readonly string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .delete(media)
      .where(and(anyUuid(media.id, ids), sql`not ${inUse}`))
      .returning({ id: media.id });
    return rows.map((r) => r.id);
  }

  async countByOwnerSince(ownerId: string, since: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(media)
      .where(and(eq(media.ownerId, ownerId), sql`${media.createdAt} >= ${since.toISOString()}`));
    return row?.n ?? 0;
  }
}
