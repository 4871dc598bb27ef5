import { z } from 'zod';
import { parseJsonSetting } from '../core/config';
import type { RecallSource } from './recall/source';

export type RecallQuotas = Readonly<Record<RecallSource, number>>;

/** How many candidates each recall source proposes per page; FEED_RECALL_QUOTAS overrides any of them. */
export const RECALL_QUOTAS: RecallQuotas = {
  /** Time-decayed engagement, over every topic. */
  trending: 150,
  /** Trending within the topics the viewer chose at sign-up, shared between them. */
  interests: 100,
  /** Followed creators' notes of the last two weeks. */
  following: 60,
  /** Last week's least-read notes: exploration. */
  fresh: 40,
  /** Nearest notes (by the model's embeddings) to what the viewer liked or collected last. */
  similar: 40,
  /** Notes engaged with by the viewers who engaged with what the viewer liked or collected last. */
  alsoLiked: 40,
  /** Nearest notes to the viewer's own embedding. */
  embedding: 40,
  /** Nearest notes (the ANN index) to the viewer's two-tower vector, computed on each page from what they read and liked lately. */
  tower: 60,
};

const quota = z.number().int().min(0).max(1000);
const overrides = z.strictObject(Object.fromEntries(Object.keys(RECALL_QUOTAS).map((source) => [source, quota.optional()])));

/**
 * FEED_RECALL_QUOTAS, JSON such as {"trending":100,"fresh":0}: the quotas to change, 0 turning a source
 * off. Unset: the defaults. Anything else stops the start with a message naming what is wrong.
 */
export function parseRecallQuotas(raw: string | undefined): RecallQuotas {
  if (!raw) return RECALL_QUOTAS;
  return { ...RECALL_QUOTAS, ...parseJsonSetting('FEED_RECALL_QUOTAS', raw, overrides) } as RecallQuotas;
}
