import type { Interaction } from '../../events/interactions-csv';
import { userHistories } from '../offline/baselines';
import { fitRetriever, RETRIEVAL_DEFAULTS, type RetrievalChoice, type RetrievalSettings } from '../retrieval/fit';

/**
 * The offline replay: retrieval trained from scratch on an interaction log, ranking the whole catalogue
 * for listed users: the two-tower model and the linear autoencoder, mixed as a holdout of the log itself
 * says (see retrieval/fit.ts). A user's own items, impressions and hides included, are never recommended.
 */
export interface ReplayOptions extends RetrievalSettings {
  onProgress?: (phase: string, done: number, total: number) => void;
}

export const REPLAY_DEFAULTS: Omit<ReplayOptions, 'k'> = RETRIEVAL_DEFAULTS;

export interface Recommendation {
  user: string;
  item: string;
  rank: number;
  score: number;
}

export interface ReplayResult {
  rows: Recommendation[];
  choice: RetrievalChoice;
}

export async function replay(train: readonly Interaction[], users: readonly string[], options: ReplayOptions): Promise<ReplayResult> {
  const { retriever, choice } = await fitRetriever(train, options, options.onProgress);
  const histories = userHistories(train);
  const ranked = retriever.rank(users, options.k, choice.towerShare, (user) => histories.get(user) ?? EMPTY);
  const rows: Recommendation[] = [];
  for (const user of users) (ranked.get(user) ?? []).forEach(({ item, score }, rank) => rows.push({ user, item, rank: rank + 1, score }));
  return { rows, choice };
}

const EMPTY: ReadonlySet<string> = new Set();
