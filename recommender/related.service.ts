import { decodeCursor, encodeCursor } from '../core/cursor';
import { errors } from '../core/errors';
import { rowsById } from '../core/read-cache';
import { requireId } from '../core/validate';
import type { NoteRow, NotesRepository } from '../models/repositories/notes.repository';
import type { ModelServing } from './serving/model-serving';

/** Where the waterfall below a note ends: each page ranks at most this many ids, so deep pages cost what the first does. */
const MAX_RELATED = 200;
/** Asked of each model source; their answers are cached per model version (serving/neighbour-cache.ts). */
const NEIGHBOURS_PER_SOURCE = 100;

export interface RelatedPage {
  items: { note: NoteRow; cursor: string }[];
  hasNextPage: boolean;
}

/**
 * Notes related to a note. The serving model's neighbours come first, co-engagement and embedding
 * taking turns; then notes sharing its topics, so a fresh install (no model yet) and notes the model
 * has not seen still have a waterfall. Pages are offsets into that list, recomputed per page from
 * cached neighbours and one bounded query, like search's relevance pages.
 */
export class RelatedService {
  constructor(
    private readonly deps: {
      notes: Pick<NotesRepository, 'findByIds' | 'visibleAmong' | 'relatedByTopics'>;
      model: Pick<ModelServing, 'embedding' | 'coEngagement'> | null;
    },
  ) {}

  async page(viewerId: string | null, noteId: string, first: number, after: string | null): Promise<RelatedPage> {
    const offset = after ? decodeCursor(after, ['number'] as const)[0] + 1 : 0;
    if (!Number.isInteger(offset) || offset < 0 || offset > MAX_RELATED) throw errors.badCursor();
    const [note] = await this.deps.notes.findByIds([requireId(noteId, 'noteId')]);
    if (!note || note.status !== 'published') throw errors.notFound('Note', noteId);
    const ranked = await this.ranked(note, viewerId);
    const pageIds = ranked.slice(offset, offset + first);
    const rows = rowsById(await this.deps.notes.findByIds(pageIds));
    const items = pageIds.flatMap((id, i) => {
      const row = rows.get(id);
      return row ? [{ note: row, cursor: encodeCursor([offset + i]) }] : [];
    });
    return { items, hasNextPage: ranked.length > offset + first };
  }

  private async ranked(note: NoteRow, viewerId: string | null): Promise<string[]> {
    const model = this.deps.model;
    const neighbours = model
      ? alternate(
          model.coEngagement.alsoEngaged([note.id], NEIGHBOURS_PER_SOURCE),
          model.embedding.similarTo([note.id], NEIGHBOURS_PER_SOURCE),
        )
      : [];
    const [visible, byTopic] = await Promise.all([
      this.deps.notes.visibleAmong(neighbours, viewerId),
      this.deps.notes.relatedByTopics(note, MAX_RELATED, viewerId),
    ]);
    const ids = new Set([...neighbours.filter((id) => visible.has(id)), ...byTopic]);
    ids.delete(note.id);
    return [...ids].slice(0, MAX_RELATED);
  }
}

/** Both lists, taking turns, so neither source's taste fills the top of the waterfall alone. */
function alternate(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    if (i < a.length) out.push(a[i] as string);
    if (i < b.length) out.push(b[i] as string);
  }
  return out;
}
