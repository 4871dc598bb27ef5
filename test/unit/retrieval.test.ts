import type { Interaction } from '../../events/interactions-csv';
import { LinearAutoencoder } from '../../recommender/retrieval/linear-autoencoder';
import { sequenceExamples, userSequences, vocabularyOf, writeContext } from '../../recommender/retrieval/sequences';

const event = (user: string, item: string, type: Interaction['event'], ts: number): Interaction => ({
  user,
  item,
  event: type,
  ts,
  value: null,
});

/** Three users with interleaved views and likes; u1 likes b long after first viewing it. */
function log(): Interaction[] {
  return [
    event('u1', 'a', 'view', 10),
    event('u1', 'a', 'like', 11),
    event('u1', 'b', 'view', 20),
    event('u1', 'c', 'impression', 25),
    event('u1', 'c', 'view', 30),
    event('u1', 'c', 'like', 31),
    event('u1', 'b', 'like', 90),
    event('u1', 'd', 'view', 40),
    event('u1', 'd', 'like', 41),
    event('u2', 'b', 'view', 15),
    event('u2', 'b', 'like', 16),
    event('u2', 'd', 'hide', 17),
    event('u2', 'a', 'view', 50),
    event('u2', 'a', 'like', 51),
  ];
}

/** Every training example as the model would read it: its context tokens and target. */
function examplesAsRead(interactions: Interaction[], context = 8): string[] {
  const vocabulary = vocabularyOf(interactions);
  const sequences = userSequences(interactions, vocabulary);
  return sequenceExamples(sequences).map((example) => {
    const out = new Int32Array(context);
    writeContext(sequences.get(example.user)!, example.end, example.at, out, 0, context);
    const named = [...out].map((t) => (t === 0 ? '-' : `${vocabulary.items[t >> 1]}${t & 1 ? '+' : ''}`));
    return `${example.user}@${example.at} ${vocabulary.items[example.target]} <- ${named.join(',')}`;
  });
}

describe('retrieval sequences', () => {
  it('orders items by first interest, leaving out impressions and hides', () => {
    const interactions = log();
    const vocabulary = vocabularyOf(interactions);
    const u1 = userSequences(interactions, vocabulary).get('u1')!;
    expect([...u1.items].map((i) => vocabulary.items[i])).toEqual(['a', 'b', 'c', 'd']);
    expect([...u1.engagedAt]).toEqual([11, 90, 31, 41]);
    expect(userSequences(interactions, vocabulary).get('u2')!.items.length).toBe(2);
  });

  it('builds each context only from what was known at its example time: later items and later likes stay out', () => {
    const examples = examplesAsRead(log(), 4);
    // c is liked at 31: by then a was liked (at 11) but b only viewed (liked at 90). Latest first; + is engaged.
    expect(examples).toContain('u1@31 c <- b,a+,-,-');
    // d is liked at 41, when c had been liked too.
    expect(examples).toContain('u1@41 d <- c+,b,a+,-');
    // b is liked at 90, but its context is what came before b was first viewed.
    expect(examples).toContain('u1@90 b <- a+,-,-,-');
    expect(examples).toHaveLength(4);
  });

  it('gives the same examples up to a time whatever happens after it (no feature reads the future)', () => {
    const before = examplesAsRead(log());
    const later = [
      ...log(),
      event('u1', 'e', 'view', 200),
      event('u1', 'e', 'like', 201),
      event('u1', 'b', 'collect', 210),
      event('u3', 'a', 'like', 220),
      event('u2', 'c', 'view', 230),
    ];
    const after = examplesAsRead(later);
    const cut = (rows: string[]) => rows.filter((row) => Number(row.split('@')[1]!.split(' ')[0]) <= 100);
    expect(cut(after)).toEqual(cut(before));
  });
});

describe('linear autoencoder', () => {
  it('scores an item by the items it goes with, never an item by itself', () => {
    // Items 1 and 2 always go together; 3 and 4 go together; 5 goes with everything.
    const users = [
      [1, 2, 5],
      [1, 2],
      [1, 2, 5],
      [3, 4, 5],
      [3, 4],
      [3, 4, 5],
      [1, 2, 3, 4, 5],
    ];
    const [model] = LinearAutoencoder.fitAll(users, { minUsers: 2, maxItems: 100 }, [1]);
    const scores = new Float32Array(6);
    model!.scoreInto([1], scores);
    expect(scores[1]).toBe(0);
    expect(scores[2]).toBeGreaterThan(scores[3]!);
    expect(scores[2]).toBeGreaterThan(scores[4]!);
  });

  it('leaves out items fewer users share than minUsers, and keeps only the maxItems most shared', () => {
    const users = [
      [1, 2, 3],
      [1, 2],
      [1, 2],
      [3, 9],
    ];
    const [model] = LinearAutoencoder.fitAll(users, { minUsers: 2, maxItems: 2 }, [1]);
    const scores = new Float32Array(10);
    model!.scoreInto([1, 3, 9], scores);
    expect(scores[9]).toBe(0);
    expect(scores[3]).toBe(0);
    expect(scores[2]).toBeGreaterThan(0);
  });
});
