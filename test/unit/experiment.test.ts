import { randomUUID } from 'node:crypto';
import { armOf, parseExperiment } from '../../recommender/experiment';
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
