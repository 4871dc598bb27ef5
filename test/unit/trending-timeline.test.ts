import { TrendingTimeline, type TimedTrendingEvent } from '../../recommender/training/trending-timeline';
import { TRENDING } from '../../recommender/trending-rule';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-01T00:00:00Z');
const event = (atHours: number, type: TimedTrendingEvent['type'] = 'view', anonymous = false): TimedTrendingEvent => ({
  noteId: 'n',
  type,
  anonymous,
  atMs: T0 + atHours * HOUR,
});
const decayed = (weight: number, ageHours: number) => weight * 2 ** (-ageHours / TRENDING.halfLifeHours);

describe('a note’s trending score at a moment (training’s copy of the refresh job’s rule)', () => {
  it('sums each earlier event’s weight, halved every half-life, and drops events older than the window', () => {
    const timeline = new TrendingTimeline([event(0, 'like'), event(10), event(50, 'purchase')], TRENDING);
    expect(timeline.at('n', T0)).toBe(0);
    expect(timeline.at('n', T0 + 20 * HOUR)).toBeCloseTo(decayed(3, 20) + decayed(1, 10), 9);
    expect(timeline.at('n', T0 + 60 * HOUR)).toBeCloseTo(decayed(3, 60) + decayed(1, 50) + decayed(8, 10), 9);
    // The like leaves the window at 72 h, the view at 82 h.
    expect(timeline.at('n', T0 + 80 * HOUR)).toBeCloseTo(decayed(1, 70) + decayed(8, 30), 9);
    expect(timeline.at('n', T0 + 200 * HOUR)).toBe(0);
    expect(timeline.at('other', T0)).toBe(0);
  });

  it('lets anonymous events add a share of their weight, never more than the signed-in score', () => {
    const crowd = Array.from({ length: 40 }, () => event(1, 'view', true));
    expect(new TrendingTimeline(crowd, TRENDING).at('n', T0 + 2 * HOUR)).toBe(0);
    const timeline = new TrendingTimeline([event(1, 'like'), ...crowd], TRENDING);
    const signed = decayed(3, 1);
    expect(timeline.at('n', T0 + 2 * HOUR)).toBeCloseTo(2 * signed, 9);
    const few = new TrendingTimeline([event(1, 'like'), event(1, 'view', true)], TRENDING);
    expect(few.at('n', T0 + 2 * HOUR)).toBeCloseTo(signed + TRENDING.anonymousShare * decayed(1, 1), 9);
  });

  it('counts nothing for event types the rule does not weigh, and is asked in time order', () => {
    const timeline = new TrendingTimeline([event(0, 'impression'), event(0, 'served'), event(0, 'hide')], TRENDING);
    expect(timeline.at('n', T0 + HOUR)).toBe(0);
    const busy = new TrendingTimeline([event(0)], TRENDING);
    busy.at('n', T0 + 2 * HOUR);
    expect(() => busy.at('n', T0 + HOUR)).toThrow(/time order/);
    busy.rewind();
    expect(busy.at('n', T0 + HOUR)).toBeCloseTo(decayed(1, 1), 9);
  });

  it('stays exact over a month of events, however long its window slides', () => {
    const month = Array.from({ length: 30 * 24 }, (_, h) => event(h, h % 5 === 0 ? 'collect' : 'view'));
    const timeline = new TrendingTimeline(month, TRENDING);
    const at = 30 * 24;
    const expected = month
      .filter((e) => e.atMs > T0 + (at - TRENDING.windowHours) * HOUR)
      .reduce((sum, e) => sum + decayed(e.type === 'collect' ? 4 : 1, at - (e.atMs - T0) / HOUR), 0);
    for (let h = 0; h < at; h += 7) timeline.at('n', T0 + h * HOUR);
    expect(timeline.at('n', T0 + at * HOUR)).toBeCloseTo(expected, 9);
  });
});
