import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { Candidate } from '../recall/source';
import type { RankContext } from './page';

/** What no page shows, whoever proposed it: unpublished, the viewer's own, hidden, and (when asked) sold out. */
export function filterCandidates(candidates: Iterable<Candidate>, ctx: RankContext): Candidate[] {
  return [...candidates].filter(
    ({ note }) =>
      note.status === 'published' &&
      note.authorId !== ctx.viewerId &&
      !ctx.hiddenNotes.has(note.id) &&
      !ctx.hiddenCreators.has(note.authorId) &&
      !(ctx.hideSoldOut && soldOut(note)),
  );
}

/** A note that sells only what is out of stock: an ad for nothing. A note without products is never sold out. */
function soldOut(note: Pick<CandidateRow, 'products'>): boolean {
  return note.products.length > 0 && note.products.every((p) => !p.inStock);
}
