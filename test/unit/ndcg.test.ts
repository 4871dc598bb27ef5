import { mean, ndcgAtK } from '../support/ndcg';

describe('graded NDCG@k', () => {
  const grades = { a: 3, b: 2, c: 1 };

  it('is 1 for the ideal order and less for any other', () => {
    expect(ndcgAtK(['a', 'b', 'c'], grades, 10)).toBeCloseTo(1);
    expect(ndcgAtK(['b', 'a', 'c'], grades, 10)).toBeLessThan(1);
    expect(ndcgAtK(['c', 'b', 'a'], grades, 10)).toBeLessThan(ndcgAtK(['b', 'a', 'c'], grades, 10));
  });

  it('uses 2^grade - 1 gains and a log2 discount', () => {
    // Only b, at position 2: 3 / log2(3); ideal: 7 + 3 / log2(3) + 1 / 2.
    const expected = 3 / Math.log2(3) / (7 + 3 / Math.log2(3) + 1 / 2);
    expect(ndcgAtK(['x', 'b'], grades, 10)).toBeCloseTo(expected, 10);
  });

  it('looks only at the top k and counts a repeated document once', () => {
    expect(ndcgAtK(['x', 'a'], grades, 1)).toBe(0);
    expect(ndcgAtK(['a', 'a', 'b', 'c'], grades, 10)).toBeCloseTo(1);
  });

  it('rewards returning nothing when nothing is relevant', () => {
    expect(ndcgAtK([], {}, 10)).toBe(1);
    expect(ndcgAtK(['x'], {}, 10)).toBe(0);
    expect(ndcgAtK([], grades, 10)).toBe(0);
  });

  it('averages', () => {
    expect(mean([1, 0, 0.5])).toBeCloseTo(0.5);
    expect(mean([])).toBe(0);
  });
});
