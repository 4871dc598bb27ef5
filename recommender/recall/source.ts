import type { CandidateRow } from '../../models/repositories/notes.repository';
import type { ViewerContext } from '../../models/repositories/social.repository';

/** Where a candidate came from; a note proposed by several sources keeps them all. */
export type RecallSource = 'trending' | 'fresh' | 'following' | 'interests' | 'similar' | 'alsoLiked' | 'embedding' | 'tower';

export interface Candidate {
  note: CandidateRow;
  sources: ReadonlySet<RecallSource>;
}

/** What a recall source knows of the page it proposes candidates for. */
export interface RecallRequest {
  viewerId: string | null;
  viewer: ViewerContext | undefined;
  /** The viewer's feed-state version (FeedSessionStore), which keys per-viewer caches; null for anonymous visitors. */
  version: string | null;
  /** Notes not to propose: those served in this scroll session and, unless that runs the feed dry, lately to this viewer. */
  exclude: ReadonlySet<string>;
  /** Candidate rows by id, for the sources that propose ids; the calls of one page share one read. */
  rowsByIds(ids: readonly string[]): Promise<CandidateRow[]>;
}

/** One named way of proposing candidates for a For-You page; its quota is in RECALL_QUOTAS. */
export interface CandidateSource {
  readonly name: RecallSource;
  recall(request: RecallRequest, quota: number): Promise<CandidateRow[]>;
}
