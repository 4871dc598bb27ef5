import { compareIds, type Interaction } from '../../events/interactions-csv';

/**
 * Splits a log into train and test the way "each user's latest 20% of ratings" is meant, per user and in time:
 *
 * - A user's distinct items are ordered by the time of the user's first interaction with each, ties in time
 *   by item id (code-unit order), so the split is the same on every run.
 * - The last `Math.floor(n * fraction)` of a user's n distinct items are held out, but at least 1 when n ≥ 2;
 *   a user with a single item keeps it in train, as there would be nothing left to learn the user from.
 * - A held-out item takes ALL of that user's events on it into test (a later like of an item first viewed
 *   before the cut included); every other event, including other users' events on the same item, is train.
 *
 * Both outputs keep the input order and share its objects. `fraction` must lie strictly between 0 and 1,
 * which leaves every user at least one train item.
 */
export function temporalHoldout(interactions: readonly Interaction[], fraction = 0.2): { train: Interaction[]; test: Interaction[] } {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`fraction must lie strictly between 0 and 1, got ${fraction}`);
  const firstSeen = new Map<string, Map<string, number>>();
  for (const { user, item, ts } of interactions) {
    let items = firstSeen.get(user);
    if (items === undefined) firstSeen.set(user, (items = new Map()));
    const seen = items.get(item);
    if (seen === undefined || ts < seen) items.set(item, ts);
  }

  const heldOut = new Map<string, Set<string>>();
  for (const [user, items] of firstSeen) {
    if (items.size < 2) continue;
    // The epsilon keeps products such as 100 × 0.29 = 28.999999999999996 from losing an item to rounding.
    const count = Math.max(1, Math.floor(items.size * fraction + 1e-9));
    const ordered = [...items].sort(([a, at], [b, bt]) => at - bt || compareIds(a, b));
    heldOut.set(user, new Set(ordered.slice(-count).map(([item]) => item)));
  }

  const train: Interaction[] = [];
  const test: Interaction[] = [];
  for (const interaction of interactions) (heldOut.get(interaction.user)?.has(interaction.item) ? test : train).push(interaction);
  return { train, test };
}
