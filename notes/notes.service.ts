import { errors } from '../core/errors';
import type { CardExtrasRow, NoteMediaRow, NoteProductRow, NoteRow } from '../models/repositories/notes.repository';
import type { Repositories, Transact } from '../models/transaction';
import type { AccountsService } from '../accounts/accounts.service';
import { authorize, can, owns, type Actor, type Subject } from '../accounts/policy';
import { requireId, validate } from '../core/validate';
import { noteDocument } from '../catalog/search-index';
import { normaliseTopic } from './topics';
import type { MediaService } from '../media/media.service';
import type { NoteLifecycle } from './lifecycle';
import type { NoteCaches } from './note-caches';
import {
  checkMediaForKind,
  createNoteInput,
  updateNoteInput,
  type MediaInput,
  type ProductTagInput,
  type ResolvedMedia,
} from './notes.inputs';

export class NotesService {
  private readonly extrasInFlight = new Map<string, Promise<Map<string, CardExtrasRow>>>();

  constructor(
    private readonly deps: {
      repos: Pick<Repositories, 'notes' | 'products' | 'users' | 'media'>;
      transact: Transact;
      accounts: AccountsService;
      mediaFiles: MediaService;
      lifecycle: NoteLifecycle;
      // A note's media and product tags change only through this service and its lifecycle; its
      // counters and status change often, so note rows themselves are always read fresh.
      caches: NoteCaches;
      /** MEDIA_URL_HOSTS: a file named by URL must be on one of them; any other must go through the upload pipeline. */
      mediaUrlHosts: ReadonlySet<string>;
    },
  ) {}

  private get repos() {
    return this.deps.repos;
  }

  byIds(ids: readonly string[]): Promise<NoteRow[]> {
    return this.repos.notes.findByIds(ids);
  }

  /** The media of each note, in display order. */
  async mediaOf(noteIds: readonly string[]): Promise<NoteMediaRow[][]> {
    const lists = await this.deps.caches.media.getMany(
      noteIds,
      async (missing) => new Map((await this.cardExtras(missing)).map((e) => [e.noteId, e.media])),
    );
    return lists.map((rows) => rows ?? []);
  }

  /** The product tags of each note. */
  async productTagsOf(noteIds: readonly string[]): Promise<NoteProductRow[][]> {
    const lists = await this.deps.caches.productTags.getMany(
      noteIds,
      async (missing) => new Map((await this.cardExtras(missing)).map((e) => [e.noteId, e.tags])),
    );
    return lists.map((rows) => rows ?? []);
  }

  /**
   * Media and product tags together: a page of cards asks for both at once, so the second ask finds
   * the first one's read under way and shares it, and a page costs one query for both.
   */
  private async cardExtras(noteIds: readonly string[]): Promise<CardExtrasRow[]> {
    const toRead = noteIds.filter((id) => !this.extrasInFlight.has(id));
    if (toRead.length > 0) {
      const read = this.repos.notes.cardExtrasOf(toRead).then((rows) => new Map(rows.map((row) => [row.noteId, row])));
      for (const id of toRead) this.extrasInFlight.set(id, read);
      const settled = () => {
        for (const id of toRead) if (this.extrasInFlight.get(id) === read) this.extrasInFlight.delete(id);
      };
      void read.then(settled, settled);
    }
    const reads = await Promise.all(noteIds.map((id) => this.extrasInFlight.get(id)));
    return noteIds.flatMap((id, i) => reads[i]?.get(id) ?? []);
  }

  async get(viewer: Actor | null, id: string): Promise<NoteRow> {
    const [note] = await this.repos.notes.findByIds([requireId(id)]);
    // Someone else's draft does not exist as far as this viewer can tell.
    const visible =
      note?.status === 'published' || (note !== undefined && viewer !== null && can(await this.subjectOf(viewer), 'note.see', note));
    if (!note || !visible) throw errors.notFound('Note', id);
    return note;
  }

  async create(viewer: Actor | null, raw: unknown): Promise<NoteRow> {
    const author = await this.deps.accounts.requireUser(viewer);
    authorize(author, 'note.post', null);
    const input = validate(createNoteInput, raw);
    const resolved = await this.resolveMedia(author.id, input.kind, input.media);
    const kindProblem = checkMediaForKind(input.kind, resolved, input.productTags);
    if (kindProblem) throw errors.badInput(kindProblem.message, kindProblem.field);
    await this.checkReferences(input.productTags, input.sponsorBrandId);
    const waiting = resolved.some((m) => m.status !== 'ready');
    const state = this.deps.lifecycle.startingState(input.publish, waiting, new Date());
    const document = await noteDocument(input);
    const note = await this.deps
      .transact(async (tx) => {
        const note = await tx.notes.insert({
          authorId: author.id,
          kind: input.kind,
          title: input.title,
          body: input.body,
          topics: input.topics,
          sponsored: Boolean(input.sponsorBrandId),
          sponsorBrandId: input.sponsorBrandId ?? null,
          sponsorStatus: input.sponsorBrandId ? 'pending' : null,
          ...state,
        });
        await tx.search.setNoteDocuments([{ id: note.id, document }]);
        await holdUploads(tx, resolved);
        await tx.notes.replaceMedia(note.id, toMediaRows(input.kind, resolved));
        await tx.notes.replaceProductTags(note.id, toTagRows(input.productTags));
        await this.deps.lifecycle.created(tx, note);
        return note;
      })
      .finally(() => this.deps.caches.forget([author.id], []));
    if (note.status !== 'processing') return note;
    // A file may have become ready between the check above and the commit.
    await this.deps.lifecycle.settle(note);
    return (await this.repos.notes.findByIds([note.id]))[0] ?? note;
  }

  async update(viewer: Actor | null, id: string, raw: unknown): Promise<NoteRow> {
    const note = await this.requireOwnNote(viewer, id);
    const input = validate(updateNoteInput, raw);
    const resolved = input.media ? await this.resolveMedia(note.authorId, note.kind, input.media) : undefined;
    // A note already public would show empty slots: its new files must be ready first.
    if (note.status === 'published' && resolved?.some((m) => m.status !== 'ready')) {
      throw errors.conflict('These files are still processing: attach them once upload(id) says READY', 'media');
    }
    if (resolved || input.productTags) {
      const media = resolved ?? (await this.repos.notes.mediaOf([note.id]));
      const tags = input.productTags ?? (await this.repos.notes.productTagsOf([note.id]));
      const kindProblem = checkMediaForKind(note.kind, media, tags);
      if (kindProblem) throw errors.badInput(kindProblem.message, kindProblem.field);
    }
    await this.checkReferences(input.productTags ?? [], input.sponsorBrandId);
    const textChanged = input.title !== undefined || input.body !== undefined || input.topics !== undefined;
    const document = textChanged
      ? await noteDocument({ title: input.title ?? note.title, body: input.body ?? note.body, topics: input.topics ?? note.topics })
      : null;
    return this.deps
      .transact(async (tx) => {
        const sponsorChange =
          input.sponsorBrandId === undefined || input.sponsorBrandId === note.sponsorBrandId
            ? {}
            : {
                sponsorBrandId: input.sponsorBrandId,
                sponsored: input.sponsorBrandId !== null,
                sponsorStatus: input.sponsorBrandId === null ? null : ('pending' as const),
              };
        const updated = await tx.notes.update(note.id, {
          ...(input.title !== undefined ? { title: input.title } : {}),
          ...(input.body !== undefined ? { body: input.body } : {}),
          ...(input.topics !== undefined ? { topics: input.topics } : {}),
          ...sponsorChange,
        });
        if (document) await tx.search.setNoteDocuments([{ id: note.id, document }]);
        if (resolved) {
          await holdUploads(tx, resolved);
          await tx.notes.replaceMedia(note.id, toMediaRows(note.kind, resolved));
        }
        if (input.productTags) await tx.notes.replaceProductTags(note.id, toTagRows(input.productTags));
        if (!updated) throw errors.notFound('Note', id);
        return updated;
      })
      .finally(() => this.deps.caches.forget([], [note.id]));
  }

  /**
   * The brand a creator named as a note's sponsor confirms it (the note then names the brand) or
   * declines it (the note keeps its disclosure and names no brand).
   */
  async respondToSponsorship(actor: Actor | null, noteId: string, accept: boolean): Promise<NoteRow> {
    const subject = await this.deps.accounts.requireSubject(actor);
    const [note] = await this.repos.notes.findByIds([requireId(noteId, 'noteId')]);
    if (!note?.sponsorBrandId) throw errors.notFound('Note', noteId);
    authorize(subject, 'sponsorship.respond', note);
    const updated = await this.repos.notes.update(note.id, { sponsorStatus: accept ? 'accepted' : 'declined' });
    this.deps.caches.forget([note.authorId], [note.id]);
    if (!updated) throw errors.notFound('Note', noteId);
    return updated;
  }

  /** The notes naming the signed-in brand as their sponsor that it has not answered yet, newest first. */
  async sponsorshipRequests(actor: Actor | null, limit: number): Promise<NoteRow[]> {
    const subject = await this.deps.accounts.requireSubject(actor);
    if (!subject.brandId) throw errors.forbidden('Only a brand account can do this');
    return this.repos.notes.pendingSponsorships(subject.brandId, limit);
  }

  async publish(viewer: Actor | null, id: string): Promise<NoteRow> {
    const note = await this.requireOwnNote(viewer, id);
    if (note.status === 'published') return note;
    if (note.status !== 'draft') throw errors.conflict(`A ${note.status} note cannot be published`, 'id');
    const files = await this.repos.media.statusesOfNote(note.id);
    const failed = files.find((f) => f.status === 'failed');
    if (failed) throw errors.conflict(`A file of this note failed: ${failed.failureMessage ?? 'replace it'}`, 'media');
    if (files.some((f) => f.status !== 'ready')) {
      await this.deps.lifecycle.awaitFiles(note);
      return (await this.repos.notes.findByIds([note.id]))[0] ?? note;
    }
    const published = await this.deps.lifecycle.publish(note);
    if (!published) throw errors.notFound('Note', id);
    return published;
  }

  async remove(viewer: Actor | null, id: string): Promise<string> {
    const note = await this.requireOwnNote(viewer, id);
    await this.deps.lifecycle.remove(note);
    return note.id;
  }

  async listByUser(viewer: Actor | null, userId: string, limit: number, after?: { at: Date; id: string }): Promise<NoteRow[]> {
    requireId(userId, 'userId');
    const own = owns(viewer, { ownerId: userId });
    return this.repos.notes.listByAuthor(userId, own, limit, after);
  }

  listByTopic(topic: string, limit: number, after?: { at: Date; id: string }): Promise<NoteRow[]> {
    return this.repos.notes.listByTopic(normaliseTopic(topic), limit, after);
  }

  listTaggingProduct(productId: string, limit: number, after?: { at: Date; id: string }): Promise<NoteRow[]> {
    requireId(productId, 'productId');
    return this.repos.notes.listTaggingProduct(productId, limit, after);
  }

  likesAndCollectsReceived(authorIds: readonly string[]): Promise<Map<string, number>> {
    return this.repos.notes.likesAndCollectsReceived(authorIds);
  }

  /** Topics to suggest while a creator types one: those of published notes starting with what is typed, most used first. */
  suggestTopics(prefix: string, limit: number): Promise<{ name: string; noteCount: number }[]> {
    return this.repos.notes.topicsByPrefix(normaliseTopic(prefix), Math.min(Math.max(limit, 1), 20));
  }

  countByTopic(topic: string): Promise<number> {
    return this.repos.notes.countByTopic(normaliseTopic(topic));
  }

  /** A note the viewer may change: it exists, is not removed, and is theirs (or they are an admin). */
  private async requireOwnNote(viewer: Actor | null, id: string): Promise<NoteRow> {
    const user = await this.deps.accounts.requireUser(viewer);
    const [note] = await this.repos.notes.findByIds([requireId(id)]);
    if (!note || note.status === 'removed') throw errors.notFound('Note', id);
    authorize(user, 'note.change', note);
    return note;
  }

  private async checkReferences(tags: readonly ProductTagInput[], sponsorBrandId: string | null | undefined): Promise<void> {
    if (tags.length > 0) {
      const found = new Set((await this.repos.products.findByIds(tags.map((t) => t.productId))).map((p) => p.id));
      const missing = tags.findIndex((t) => !found.has(t.productId));
      if (missing >= 0) {
        throw errors.notFound('Product', tags[missing]?.productId ?? '');
      }
    }
    if (sponsorBrandId) {
      const [brand] = await this.repos.users.findBrandsByIds([sponsorBrandId]);
      if (!brand) throw errors.notFound('Brand', sponsorBrandId);
    }
  }

  /**
   * Looks up the uploads a note's media list names: each must be the author's own, of the note's
   * kind, and not failed. A file named by URL must be on a host the operator vouches for: elsewhere it
   * was never sniffed, stripped of its metadata nor resized, and its host would learn who reads it.
   */
  private async resolveMedia(authorId: string, kind: 'image' | 'video', list: readonly MediaInput[]): Promise<ResolvedMedia[]> {
    const ids = list.flatMap((m) => (m.uploadId ? [m.uploadId] : []));
    const rows = new Map((await this.deps.mediaFiles.byIds(ids)).map((r) => [r.id, r]));
    return list.map((m, i) => {
      if (!m.uploadId) {
        const field = `media.${i}.url`;
        if (!this.deps.mediaUrlHosts.has(new URL(m.url ?? '').hostname.toLowerCase()))
          throw errors.badInput(`${field}: upload the file (POST /uploads) instead of linking to another site`, field);
        return {
          url: m.url ?? '',
          width: m.width ?? 0,
          height: m.height ?? 0,
          durationMs: m.durationMs ?? null,
          mediaId: null,
          status: 'ready',
          failureMessage: null,
        };
      }
      const field = `media.${i}.uploadId`;
      const row = rows.get(m.uploadId);
      if (!row || !owns({ id: authorId }, row)) throw errors.notFound('Upload', m.uploadId);
      if (row.kind !== kind)
        throw errors.badInput(`${field}: is ${row.kind === 'image' ? 'an image' : 'a video'}, not for a ${kind} note`, field);
      if (row.status === 'failed') throw errors.badInput(`${field}: ${row.failureMessage ?? 'this file could not be processed'}`, field);
      return {
        url: this.deps.mediaFiles.cardUrl(row) ?? '',
        width: row.width ?? 0,
        height: row.height ?? 0,
        durationMs: row.durationMs,
        mediaId: row.id,
        status: row.status,
        failureMessage: row.failureMessage,
      };
    });
  }

  private async subjectOf(viewer: Actor): Promise<Subject | null> {
    const [user] = await this.repos.users.findByIds([viewer.id]);
    return user ?? null;
  }
}

/**
 * Within the transaction that writes a note's media: its uploads, checked before it began, are held
 * until it commits, so the collector of unused uploads (media.collect) cannot delete one meanwhile;
 * one it deleted first is as good as never uploaded.
 */
async function holdUploads(tx: Repositories, media: readonly ResolvedMedia[]): Promise<void> {
  const ids = media.flatMap((m) => (m.mediaId ? [m.mediaId] : []));
  const held = new Set((await tx.media.holdForUse(ids)).map((row) => row.id));
  const gone = ids.find((id) => !held.has(id));
  if (gone) throw errors.notFound('Upload', gone);
}

function toMediaRows(kind: 'image' | 'video', media: readonly ResolvedMedia[]) {
  return media.map((m, position) => ({
    position,
    kind,
    url: m.url,
    width: m.width,
    height: m.height,
    durationMs: m.durationMs,
    mediaId: m.mediaId,
  }));
}

function toTagRows(tags: readonly ProductTagInput[]) {
  return tags.map((t, position) => ({
    productId: t.productId,
    position,
    imageIndex: t.imageIndex ?? null,
    x: t.x ?? null,
    y: t.y ?? null,
    atMs: t.atMs ?? null,
  }));
}
