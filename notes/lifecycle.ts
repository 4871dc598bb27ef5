import type { NoteRow, NoteStatus } from '../models/repositories/notes.repository';
import type { Repositories, Transact } from '../models/transaction';
import type { FileOutcomeListener } from '../media/media.service';
import type { NoteCaches } from './note-caches';

type Tx = Pick<Repositories, 'notes' | 'media' | 'users'>;

/**
 * A note's states: draft → processing → published | failed, and removed from any of them. This is
 * the one place that publishes a note, fails it, or moves its author's count of published notes;
 * media jobs only report that a file is ready or failed (fileSettled).
 */
export class NoteLifecycle implements FileOutcomeListener {
  constructor(
    private readonly transact: Transact,
    private readonly caches: NoteCaches,
  ) {}

  /** Where a new note starts: asked to publish while files are still processing, it waits for them. */
  startingState(publish: boolean, filesWaiting: boolean, now: Date): { status: NoteStatus; publishedAt: Date | null } {
    if (!publish) return { status: 'draft', publishedAt: null };
    return filesWaiting ? { status: 'processing', publishedAt: null } : { status: 'published', publishedAt: now };
  }

  /** Inside the transaction that inserted the note. */
  async created(tx: Tx, note: Pick<NoteRow, 'authorId' | 'status'>): Promise<void> {
    if (note.status === 'published') await tx.users.adjustCounts(note.authorId, { notes: 1 });
  }

  /** Publishes a draft whose files are all ready. */
  async publish(note: Pick<NoteRow, 'id' | 'authorId'>): Promise<NoteRow | undefined> {
    return this.transact(async (tx) => {
      const updated = await tx.notes.setStatus(note.id, 'published', new Date());
      if (updated) await tx.users.adjustCounts(note.authorId, { notes: 1 });
      return updated;
    }).finally(() => this.caches.forget([note.authorId], [note.id]));
  }

  /** A draft asked to be published while its files are processing waits for them. */
  async awaitFiles(note: Pick<NoteRow, 'id' | 'authorId'>): Promise<void> {
    await this.transact((tx) => tx.notes.setStatus(note.id, 'processing'));
    this.caches.forget([], [note.id]);
    // A file may have become ready before the note started waiting.
    await this.settle(note);
  }

  async remove(note: Pick<NoteRow, 'id' | 'authorId' | 'status'>): Promise<void> {
    await this.transact(async (tx) => {
      await tx.notes.setStatus(note.id, 'removed');
      if (note.status === 'published') await tx.users.adjustCounts(note.authorId, { notes: -1 });
    });
    this.caches.forget([note.authorId], [note.id]);
  }

  /**
   * Publishes a note waiting for its files once all are ready, or fails it when one failed. Safe
   * at any time and more than once: only a note still 'processing' moves.
   */
  async settle(note: Pick<NoteRow, 'id' | 'authorId'>): Promise<void> {
    await this.transact((tx) => this.settleIn(tx, note));
    this.caches.forget([note.authorId], [note.id]);
  }

  /**
   * Inside the transaction that recorded a file's outcome, so nobody sees the file ready while its
   * note still says processing; what it returns forgets the settled notes once that has committed.
   */
  async fileSettled(tx: Tx, mediaId: string): Promise<() => void> {
    const waiting = await tx.notes.waitingForMedia(mediaId);
    for (const note of waiting) await this.settleIn(tx, note);
    return () =>
      this.caches.forget(
        waiting.map((n) => n.authorId),
        waiting.map((n) => n.id),
      );
  }

  private async settleIn(tx: Tx, note: Pick<NoteRow, 'id' | 'authorId'>): Promise<void> {
    await tx.notes.lockForSettling(note.id);
    const statuses = await tx.media.statusesOfNote(note.id);
    const failed = statuses.find((s) => s.status === 'failed');
    if (failed) {
      await tx.notes.settle(note.id, { failureReason: failed.failureMessage ?? 'A file of this note could not be processed' });
      return;
    }
    if (statuses.some((s) => s.status !== 'ready')) return;
    if (await tx.notes.settle(note.id, { publishedAt: new Date() })) await tx.users.adjustCounts(note.authorId, { notes: 1 });
  }
}
