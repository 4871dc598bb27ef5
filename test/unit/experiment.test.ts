import { randomUUID } from 'node:crypto';
import { armOf, parseExperiment } from '../../recommender/experiment';
import { differenceInterval, erfc, meanInterval, sampleRatioCheck } from '../../recommender/experiment-stats';
import { SCORE_WEIGHTS } from '../../recommender/signals';

describe('feed experiments', () => {
  it('reads FEED_EXPERIMENT, filling arm weights from the defaults', () => {
    expect(parseExperiment(undefined)).toBeNull();
    const experiment = parseExperiment('{"name":"more-buying","since":"2026-11-27","b":{"weights":{"purchase":10}}}');
    expect(experiment?.arms.a).toEqual({ weights: SCORE_WEIGHTS, modelVersion: null });
    expect(experiment?.arms.b.weights).toEqual({ ...SCORE_WEIGHTS, purchase: 10 });
    expect(experiment?.since.toISOString()).toBe('2026-11-27T00:00:00.000Z');
  });

  it('refuses what it cannot serve, saying what is wrong', () => {
    expect(() => parseExperiment('{name')).toThrow(/not valid JSON/);
    expect(() => parseExperiment('{"name":"x","since":"2026-11-27","b":{"weights":{"clicks":1}}}')).toThrow(/FEED_EXPERIMENT: b\.weights/);
    expect(() => parseExperiment('{"name":"Bad Name","since":"2026-11-27"}')).toThrow(/name/);
    expect(() => parseExperiment('{"name":"x","since":"2026-11-27","b":{"modelVersion":"v2"}}')).toThrow(/modelVersion/);
  });

  it('splits viewers into stable, roughly equal halves, differently per experiment', () => {
    const viewers = Array.from({ length: 2000 }, () => randomUUID());
    const arms = viewers.map((v) => armOf({ name: 'one' }, v));
    expect(viewers.map((v) => armOf({ name: 'one' }, v))).toEqual(arms);
    const inB = arms.filter((a) => a === 'b').length;
    expect(inB).toBeGreaterThan(900);
    expect(inB).toBeLessThan(1100);
    const other = viewers.map((v) => armOf({ name: 'two' }, v));
    expect(other.filter((a, i) => a !== arms[i]).length).toBeGreaterThan(800);
  });
});

describe('the A/B report’s statistics', () => {
  it('computes the complementary error function the χ² test rests on', () => {
    expect(erfc(0)).toBeCloseTo(1, 6);
    expect(erfc(1)).toBeCloseTo(0.157299, 6);
    expect(erfc(-1)).toBeCloseTo(1.842701, 6);
  });

  it('flags a split that lost viewers from one arm, and not one within chance', () => {
    expect(sampleRatioCheck(5000, 5100)).toMatchObject({ mismatch: false });
    expect(sampleRatioCheck(5000, 5100).pValue).toBeCloseTo(0.3197, 3);
    const lost = sampleRatioCheck(5000, 5400);
    expect(lost.mismatch).toBe(true);
    expect(lost.pValue).toBeLessThan(0.001);
    expect(lost.observedShareB).toBeCloseTo(5400 / 10400, 9);
    expect(sampleRatioCheck(0, 0)).toMatchObject({ pValue: 1, mismatch: false });
  });

  it('gives intervals that hold the difference only when the arms are apart by more than chance', () => {
    const a = { viewers: 400, mean: 0.1, variance: 0.01 };
    expect(meanInterval(a)).toEqual({ mean: 0.1, low: expect.closeTo(0.1 - 0.0098, 4), high: expect.closeTo(0.1 + 0.0098, 4) });
    const same = differenceInterval(a, { viewers: 400, mean: 0.105, variance: 0.01 });
    expect(same.low ?? 0).toBeLessThan(0);
    expect(same.high ?? 0).toBeGreaterThan(0);
    const better = differenceInterval(a, { viewers: 400, mean: 0.13, variance: 0.01 });
    expect(better.low ?? 0).toBeGreaterThan(0);
    expect(differenceInterval(a, { viewers: 1, mean: 0.5, variance: 0 })).toEqual({ mean: 0.4, low: null, high: null });
  });
});
