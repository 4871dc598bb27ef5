import { describe, expect, it } from 'vitest';
import { boxesWithin, columnsFor, coverAspect, layoutWaterfall } from './layout';

describe('waterfall layout', () => {
  it('has 2 columns under 600 px and up to 5 on wide screens', () => {
    expect([390, 599, 600, 900, 1280, 2560].map(columnsFor)).toEqual([2, 2, 3, 4, 5, 5]);
  });

  it('keeps real proportions within bounds', () => {
    expect(coverAspect(1080, 1440)).toBeCloseTo(4 / 3);
    expect(coverAspect(1920, 1080)).toBe(0.6);
    expect(coverAspect(1000, 5000)).toBe(1.8);
    expect(coverAspect(0, 0)).toBeCloseTo(4 / 3);
  });

  it('puts each card in the shortest column', () => {
    const { boxes } = layoutWaterfall([1.5, 1, 1, 1], 400, 0);
    // 2 columns of 196 px with an 8 px gap.
    expect(boxes.map((b) => [b.left, b.top])).toEqual([
      [0, 0],
      [204, 0],
      [204, 204],
      [0, 302],
    ]);
  });

  it('never moves a placed card when a page is appended', () => {
    const first = layoutWaterfall([1, 1.3, 0.8, 1.6], 1280, 84).boxes;
    const more = layoutWaterfall([1, 1.3, 0.8, 1.6, 1.2, 0.7, 1.4], 1280, 84).boxes;
    expect(more.slice(0, 4)).toEqual(first);
  });

  it('keeps only the cards near the viewport', () => {
    const aspects = Array.from({ length: 500 }, (_, i) => 0.8 + (i % 5) * 0.2);
    const { boxes, height } = layoutWaterfall(aspects, 390, 84);
    const screen = 844;
    const visible = boxesWithin(boxes, height / 2 - 1.5 * screen, height / 2 + 2.5 * screen);
    expect(visible.length).toBeGreaterThan(10);
    expect(visible.length).toBeLessThan(60);
  });
});
