import { and, eq, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../core/db';
import { media, noteMedia, type MediaVariants } from '../schema';
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

  async countByOwnerSince(ownerId: string, since: Date): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(media)
      .where(and(eq(media.ownerId, ownerId), sql`${media.createdAt} >= ${since.toISOString()}`));
    return row?.n ?? 0;
  }
}
