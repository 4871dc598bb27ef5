import { compareIds, type Interaction } from '../../events/interactions-csv';
import { ENGAGING, NOT_POSITIVE } from '../signals';

/**
 * The retrieval model's one view of a log: each user's items in the order they first showed interest in
 * them, each with the time of that interest and of their first engagement (like, collect, click, purchase).
 * Training examples and ranking contexts are both cut from these sequences, and a context holds only what
 * was known at its example's time: the items before it, flagged engaged only if the engagement came no later.
 */
export interface UserSequence {
  /** Vocabulary indices (from 1), in order of first interest; ties in time by item id. */
  items: Int32Array;
  firstAt: Float64Array;
  /** Time of the first engagement, or Infinity for an item only viewed. */
  engagedAt: Float64Array;
}

/**
 * Items by index; index 0 pads short contexts and is never an item. Items someone engaged with come first
 * (1..engaged): only they are ever a training target, so the model scores only them.
 */
export interface Vocabulary {
  items: string[];
  index: Map<string, number>;
  engaged: number;
}

export function vocabularyOf(log: readonly Interaction[]): Vocabulary {
  const engaged = new Set<string>();
  const viewed = new Set<string>();
  for (const { item, event } of log) (ENGAGING.has(event) ? engaged : viewed).add(item);
  const items = ['', ...engaged, ...[...viewed].filter((item) => !engaged.has(item))];
  return { items, index: new Map(items.map((item, n) => [item, n])), engaged: engaged.size };
}

export function userSequences(log: readonly Interaction[], vocabulary: Vocabulary): Map<string, UserSequence> {
  const byUser = new Map<string, Map<number, { first: number; engaged: number }>>();
  for (const { user, item, event, ts } of log) {
    if (NOT_POSITIVE.has(event)) continue;
    const index = vocabulary.index.get(item);
    if (index === undefined) continue;
    let items = byUser.get(user);
    if (!items) byUser.set(user, (items = new Map()));
    const times = items.get(index) ?? { first: Infinity, engaged: Infinity };
    times.first = Math.min(times.first, ts);
    if (ENGAGING.has(event)) times.engaged = Math.min(times.engaged, ts);
    items.set(index, times);
  }
  const sequences = new Map<string, UserSequence>();
  for (const [user, items] of byUser) {
    const ordered = [...items].sort(
      ([a, at], [b, bt]) => at.first - bt.first || compareIds(vocabulary.items[a] as string, vocabulary.items[b] as string),
    );
    sequences.set(user, {
      items: Int32Array.from(ordered, ([index]) => index),
      firstAt: Float64Array.from(ordered, ([, t]) => t.first),
      engagedAt: Float64Array.from(ordered, ([, t]) => t.engaged),
    });
  }
  return sequences;
}

/** An item as the model's input sees it: which item, and whether the user had engaged with it by then. */
export function token(item: number, engaged: boolean): number {
  return item * 2 + (engaged ? 1 : 0);
}

/**
 * Writes into `out[offset..offset+length)` the tokens of the latest `length` items the user showed
 * interest in at or before `at` (ending before position `end`), latest first, padded with 0. Returns how many.
 */
export function writeContext(sequence: UserSequence, end: number, at: number, out: Int32Array, offset: number, length: number): number {
  let written = 0;
  for (let p = end - 1; p >= 0 && written < length; p -= 1) {
    if ((sequence.firstAt[p] as number) > at) continue;
    out[offset + written] = token(sequence.items[p] as number, (sequence.engagedAt[p] as number) <= at);
    written += 1;
  }
  out.fill(0, offset + written, offset + length);
  return written;
}

/** A training example: predict `target` from the context before position `end` at time `at`. */
export interface SequenceExample {
  user: string;
  end: number;
  at: number;
  target: number;
}

/**
 * One example per engaged item that has anything before it: the engagement is the label, and the context
 * is what the user had shown interest in by the engagement's time.
 */
export function sequenceExamples(sequences: ReadonlyMap<string, UserSequence>): SequenceExample[] {
  const examples: SequenceExample[] = [];
  for (const [user, sequence] of sequences) {
    for (let p = 1; p < sequence.items.length; p += 1) {
      const at = sequence.engagedAt[p] as number;
      if (at === Infinity) continue;
      examples.push({ user, end: p, at, target: sequence.items[p] as number });
    }
  }
  return examples;
}
