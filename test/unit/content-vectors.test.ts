import { buildContentVectors, contentKeysOf, writeContentVector, type ContentVectors } from '../../recommender/rank/content-vectors';

// Rows 1..3 of a 2-dim embedding table (row 0 is the unseen note's).
const itemEmb = Float32Array.from([9, 9, 1, 0, 3, 0, 0, 2]);
const itemBias = Float32Array.from([9, 0.5, 1.5, -1]);
const trained = [
  { authorId: 'anna', topics: ['beauty'] },
  { authorId: 'anna', topics: ['beauty', 'travel'] },
  { authorId: 'ben', topics: ['tech'] },
];

function vectors(): ContentVectors {
  const built = buildContentVectors(trained, itemEmb, itemBias, 2);
  return { keys: new Map(built.keys.map((key, k) => [key, k])), dim: 2, emb: built.emb, bias: built.bias };
}

describe('content vectors for notes a model has not seen', () => {
  it('average the trained rows of each creator and topic, leaving out the unseen row', () => {
    const built = buildContentVectors(trained, itemEmb, itemBias, 2);
    expect(built.keys).toEqual(['author:anna', 'topic:beauty', 'topic:travel', 'author:ben', 'topic:tech']);
    expect([...built.emb.subarray(0, 2)]).toEqual([2, 0]);
    expect(built.bias[0]).toBeCloseTo(1, 6);
    expect([...built.emb.subarray(4, 6)]).toEqual([3, 0]);
  });

  it('give a new note the mean of what the version knows of its creator and topics', () => {
    const out = new Float32Array(4);
    const bias = writeContentVector(vectors(), { authorId: 'ben', topics: ['tech', 'unknown'] }, out, 2);
    expect([...out]).toEqual([0, 0, 0, 2]);
    expect(bias).toBeCloseTo(-1, 6);
    const mixed = writeContentVector(vectors(), { authorId: 'newcomer', topics: ['beauty', 'tech'] }, out, 0);
    expect([...out.subarray(0, 2)]).toEqual([1, 1]);
    expect(mixed).toBeCloseTo(0, 6);
  });

  it('say nothing of a note whose creator and topics the version never saw', () => {
    const out = new Float32Array(2).fill(7);
    expect(writeContentVector(vectors(), { authorId: 'newcomer', topics: ['cooking'] }, out, 0)).toBeNull();
    expect([...out]).toEqual([7, 7]);
    expect(contentKeysOf({ authorId: 'a', topics: ['x'] })).toEqual(['author:a', 'topic:x']);
  });
});
