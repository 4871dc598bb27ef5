import { CoEngagement } from '../../recommender/rank/co-engagement';

// Rows 1–3 are engaged with together by three viewers, rows 4–5 by two others; row 6 by one viewer with row 1.
const baskets = [
  Int32Array.of(1, 2, 3),
  Int32Array.of(2, 1, 3),
  Int32Array.of(3, 1, 2),
  Int32Array.of(4, 5),
  Int32Array.of(5, 4),
  Int32Array.of(6, 1),
];

describe('co-engagement', () => {
  const graph = CoEngagement.build(7, baskets);

  it('finds the notes engaged with by the same viewers, most often first, leaving out the notes asked about', () => {
    expect(graph.nearest([1], 3)).toEqual([2, 3, 6]);
    expect(graph.nearest([4], 3)).toEqual([5]);
    expect(graph.nearest([1, 2], 5)).toEqual([3, 6]);
  });

  it('knows nothing of rows it was not built with', () => {
    expect(graph.nearest([0, 99, -1], 5)).toEqual([]);
  });

  it('survives being stored and read back', () => {
    const stored = graph.encode();
    // Stored bytes need not start at an aligned offset.
    const unaligned = Buffer.concat([Buffer.from([0]), stored]).subarray(1);
    expect(CoEngagement.decode(unaligned).nearest([1], 3)).toEqual([2, 3, 6]);
    expect(() => CoEngagement.decode(stored.subarray(0, stored.length - 4))).toThrow('wrong size');
  });
});
