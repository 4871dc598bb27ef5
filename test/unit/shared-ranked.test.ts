import { randomUUID } from 'node:crypto';
import { decodeRanked, decodeRankedHeader, encodeRanked, type StoredRanked } from '../../recommender/serving/shared-ranked';

const ids = Array.from({ length: 500 }, () => randomUUID());
const list: StoredRanked = {
  key: '7:0192f0c4-0000-7000-8000-000000000001:treatment',
  refreshAt: 1_796_000_000_123,
  expiresAt: 1_796_000_030_123,
  ids,
  sources: Uint8Array.from(ids, (_, i) => i % 256),
  scores: Float32Array.from(ids, (_, i) => Math.sin(i)),
};

describe('a ranked list as Redis holds it', () => {
  it('reads back as written, scores to the bit, in about 21 bytes a candidate', () => {
    const encoded = encodeRanked(list);
    expect(encoded.length).toBeLessThan(500 * 21 + 100);
    expect(decodeRanked(encoded)).toEqual(list);
  });

  it('keeps a heuristic ranking, which has no scores, and an empty list', () => {
    expect(decodeRanked(encodeRanked({ ...list, scores: null }))).toEqual({ ...list, scores: null });
    const empty = { ...list, ids: [], sources: new Uint8Array(0), scores: new Float32Array(0) };
    expect(decodeRanked(encodeRanked(empty))).toEqual(empty);
  });

  it('reads what a list is for and how long it serves without its candidates', () => {
    const { key, refreshAt, expiresAt } = list;
    expect(decodeRankedHeader(encodeRanked(list))).toEqual({ key, refreshAt, expiresAt });
  });

  it('reads anything else as no list', () => {
    const encoded = encodeRanked(list);
    expect(decodeRanked(encoded.subarray(0, encoded.length - 1))).toBeNull();
    expect(decodeRankedHeader(encoded.subarray(0, encoded.length - 1))).toBeNull();
    expect(decodeRanked(Buffer.from('not a list'))).toBeNull();
    expect(decodeRanked(Buffer.alloc(0))).toBeNull();
  });
});
