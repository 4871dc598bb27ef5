import { catalogueCoverage, expectedCalibrationError, intraListDiversity, novelty } from '../../recommender/offline/metrics';

describe('beyond-accuracy metrics', () => {
  const rankings = new Map([
    ['u1', ['a', 'b', 'c']],
    ['u2', ['a', 'b', 'd']],
  ]);

  it('counts the share of the catalogue shown in anyone’s top k', () => {
    expect(catalogueCoverage(rankings, 10, 3)).toBeCloseTo(0.4);
    expect(catalogueCoverage(rankings, 10, 2)).toBeCloseTo(0.2);
  });

  it('rates rare picks as more novel than popular ones', () => {
    const engaged = new Map([
      ['a', 8],
      ['b', 8],
      ['c', 1],
      ['d', 1],
    ]);
    // (−log2 0.8 × 4 − log2 0.1 × 2) / 6
    expect(novelty(rankings, engaged, 10, 3)).toBeCloseTo((4 * -Math.log2(0.8) + 2 * -Math.log2(0.1)) / 6);
    expect(novelty(rankings, engaged, 10, 2)).toBeLessThan(novelty(rankings, engaged, 10, 3));
  });

  it('measures how unlike each other the items of a list are by who engaged with them', () => {
    const same = new Set(['x', 'y']);
    const engagedBy = new Map([
      ['a', same],
      ['b', same],
      ['c', new Set(['z'])],
    ]);
    expect(intraListDiversity(new Map([['u', ['a', 'b']]]), engagedBy, 2)).toBeCloseTo(0);
    expect(intraListDiversity(new Map([['u', ['a', 'c']]]), engagedBy, 2)).toBeCloseTo(1);
  });

  it('is 0 for calibrated predictions and grows with the gap', () => {
    const observed = Array.from({ length: 100 }, (_, n) => n < 30);
    expect(expectedCalibrationError(new Array(100).fill(0.3), observed)).toBeCloseTo(0);
    expect(expectedCalibrationError(new Array(100).fill(0.8), observed)).toBeCloseTo(0.5);
  });
});
