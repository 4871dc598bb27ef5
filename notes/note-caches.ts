import { ReadCache, type ReadCacheOptions } from '../core/read-cache';
import type { NoteCard, NoteMediaRow, NoteProductRow, NoteRow } from '../models/repositories/notes.repository';

/**
 * What other processes and requests keep of a note: its feed card, media and product tags, its kind while it is
 * published, and its author's counts. Whatever changes a note forgets it here after the change is committed, so every
 * process shows it at once (ReadCache's bus).
 */
export class NoteCaches {
  readonly media: ReadCache<NoteMediaRow[]>;
  readonly productTags: ReadCache<NoteProductRow[]>;
  /** Published notes' kinds, which is what checking a batch of events needs of the notes it names. */
  readonly publishedKinds: ReadCache<NoteRow['kind']>;

  constructor(
    cache: ReadCacheOptions,
    readonly cards: ReadCache<NoteCard>,
    private readonly forgetAuthors: (...ids: string[]) => void,
  ) {
    this.media = new ReadCache(cache, 'notes.media');
    this.productTags = new ReadCache(cache, 'notes.productTags');
    this.publishedKinds = new ReadCache(cache, 'notes.publishedKinds');
  }

  forget(authorIds: readonly string[], noteIds: readonly string[]): void {
    if (authorIds.length > 0) this.forgetAuthors(...new Set(authorIds));
    this.cards.forget(...noteIds);
    this.media.forget(...noteIds);
    this.productTags.forget(...noteIds);
    this.publishedKinds.forget(...noteIds);
  }
}
