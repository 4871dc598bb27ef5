import type { LinearAutoencoder } from './linear-autoencoder';
import { writeContext, type UserSequence, type Vocabulary } from './sequences';
import type { TwoTower } from './two-tower';

export interface Scored {
  item: string;
  score: number;
}

/** Users scored together: one [users × catalogue] matrix of tower scores at a time. */
const CHUNK = 256;

/**
 * Retrieval from two sources that see different things: the two-tower model (the order of a user's items,
 * what they lead to next) and the linear autoencoder (which items go together, whatever the order). Each
 * source's scores are standardised per user over the items the user may be shown, then mixed with
 * `towerShare` on the tower, so neither source's scale decides.
 */
export class Retriever {
  constructor(
    readonly vocabulary: Vocabulary,
    private readonly sequences: ReadonlyMap<string, UserSequence>,
    private readonly tower: TwoTower,
    private readonly autoencoder: LinearAutoencoder,
  ) {}

  /** For each user, the source scores standardised over the items not in `exclude`. */
  *standardised(
    users: readonly string[],
    exclude: (user: string) => ReadonlySet<string>,
  ): Generator<{ user: string; candidates: Int32Array; tower: Float32Array; autoencoder: Float32Array }> {
    const { context, items: scored } = this.tower.shape;
    const size = this.vocabulary.items.length;
    for (let start = 0; start < users.length; start += CHUNK) {
      const chunk = users.slice(start, start + CHUNK);
      const contexts = new Int32Array(chunk.length * context);
      chunk.forEach((user, n) => {
        const sequence = this.sequences.get(user);
        if (sequence) writeContext(sequence, sequence.items.length, Infinity, contexts, n * context, context);
      });
      const towerScores = this.tower.scoreAll(contexts);
      for (const [n, user] of chunk.entries()) {
        const excluded = exclude(user);
        const candidates: number[] = [];
        for (let item = 1; item < size; item += 1) if (!excluded.has(this.vocabulary.items[item] as string)) candidates.push(item);
        const linear = new Float32Array(size);
        const sequence = this.sequences.get(user);
        if (sequence) this.autoencoder.scoreInto(engagedItems(sequence), linear);
        const at = Int32Array.from(candidates);
        yield {
          user,
          candidates: at,
          tower: standardise(padded(towerScores.subarray(n * scored, (n + 1) * scored), size), at),
          autoencoder: standardise(linear, at),
        };
      }
    }
  }

  /** The top k items per user, mixed with `towerShare` (0 = the autoencoder alone, 1 = the tower alone). */
  rank(users: readonly string[], k: number, towerShare: number, exclude: (user: string) => ReadonlySet<string>): Map<string, Scored[]> {
    const ranked = new Map<string, Scored[]>();
    for (const scores of this.standardised(users, exclude)) ranked.set(scores.user, topK(scores, towerShare, k, this.vocabulary));
    return ranked;
  }
}

export function engagedItems(sequence: UserSequence): number[] {
  const items: number[] = [];
  sequence.engagedAt.forEach((at, p) => {
    if (at !== Infinity) items.push(sequence.items[p] as number);
  });
  return items;
}

/** The tower scores only items someone engaged with; the others rank below all of them. */
function padded(scores: Float32Array, size: number): Float32Array {
  if (scores.length === size) return scores;
  const out = new Float32Array(size);
  out.set(scores);
  let lowest = Infinity;
  for (let n = 1; n < scores.length; n += 1) lowest = Math.min(lowest, scores[n] as number);
  out.fill(Number.isFinite(lowest) ? lowest - 1 : 0, scores.length);
  return out;
}

/** Scores over `candidates`, as z-scores, in candidate order; a source that cannot tell them apart gives 0s. */
function standardise(scores: Float32Array, candidates: Int32Array): Float32Array {
  let mean = 0;
  for (const item of candidates) mean += scores[item] as number;
  mean /= Math.max(1, candidates.length);
  let variance = 0;
  for (const item of candidates) variance += ((scores[item] as number) - mean) ** 2;
  const sd = Math.sqrt(variance / Math.max(1, candidates.length));
  return Float32Array.from(candidates, (item) => (sd > 0 ? ((scores[item] as number) - mean) / sd : 0));
}

/** The k best candidates by the mixed score; ties by item id so that output is the same on every run. */
export function topK(
  scores: { candidates: Int32Array; tower: Float32Array; autoencoder: Float32Array },
  towerShare: number,
  k: number,
  vocabulary: Vocabulary,
): Scored[] {
  // Kept sorted best first; a candidate is compared with the worst kept before anything else, so most cost one comparison.
  const best: Scored[] = [];
  const before = (a: Scored, b: Scored) => a.score > b.score || (a.score === b.score && a.item < b.item);
  scores.candidates.forEach((item, n) => {
    const entry = {
      item: vocabulary.items[item] as string,
      score: towerShare * (scores.tower[n] as number) + (1 - towerShare) * (scores.autoencoder[n] as number),
    };
    if (best.length === k && !before(entry, best[k - 1] as Scored)) return;
    let at = best.length === k ? k - 1 : best.length;
    while (at > 0 && before(entry, best[at - 1] as Scored)) at -= 1;
    best.splice(at, 0, entry);
    if (best.length > k) best.pop();
  });
  return best;
}
