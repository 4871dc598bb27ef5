import { attribute, POSITION_ENDS_SHARE, type AttributionWindows, type Touch } from '../../commerce/attribution';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const windows: AttributionWindows = { clickMs: 7 * DAY, viewMs: DAY };
const orderAt = new Date('2024-06-15T12:00:00.000Z');

/** A touch `msBefore` the order (negative: after it). */
function touch(eventId: string, type: Touch['type'], msBefore: number): Touch {
  return {
    eventId,
    type,
    noteId: `note-${eventId}`,
    creatorId: `creator-${eventId}`,
    at: new Date(orderAt.getTime() - msBefore),
    impression: null,
  };
}
const click = (id: string, msBefore: number) => touch(id, 'product_click', msBefore);
const read = (id: string, msBefore: number) => touch(id, 'read', msBefore);

function positionCredits(touches: readonly Touch[], reportedClickId?: string | null) {
  return attribute(orderAt, touches, windows, reportedClickId).credits.filter((c) => c.model === 'position');
}

describe('attribute: last click', () => {
  it('gives the sale to the latest click in the window, over earlier ones', () => {
    const result = attribute(orderAt, [click('c1', 3 * DAY), click('c3', HOUR), click('c2', DAY)], windows);
    expect(result.kind).toBe('click');
    expect(result.credits[0]).toEqual({ model: 'last_click', touch: expect.objectContaining({ eventId: 'c3' }), credit: 1 });
    expect(result.credits.filter((c) => c.model === 'last_click')).toHaveLength(1);
  });

  it('counts a click exactly at the edge of the click window', () => {
    const edge = click('edge', windows.clickMs);
    const result = attribute(orderAt, [edge], windows);
    expect(result.kind).toBe('click');
    expect(result.credits[0]).toEqual({ model: 'last_click', touch: edge, credit: 1 });
  });

  it('does not count a click 1 ms older than the click window', () => {
    const result = attribute(orderAt, [click('old', windows.clickMs + 1)], windows);
    expect(result).toEqual({ kind: 'organic', credits: [] });
  });

  it('prefers an in-window click to one just outside it', () => {
    const result = attribute(orderAt, [click('old', windows.clickMs + 1), click('edge', windows.clickMs)], windows);
    expect(result.credits[0]?.touch.eventId).toBe('edge');
    expect(result.credits.map((c) => c.touch.eventId)).not.toContain('old');
  });

  it('counts a click at the very moment of the order', () => {
    const result = attribute(orderAt, [click('now', 0)], windows);
    expect(result.kind).toBe('click');
    expect(result.credits[0]?.touch.eventId).toBe('now');
  });

  it('does not count a click after the order', () => {
    expect(attribute(orderAt, [click('later', -1)], windows)).toEqual({ kind: 'organic', credits: [] });
    const result = attribute(orderAt, [click('before', DAY), click('later', -MINUTE)], windows);
    expect(result.credits[0]?.touch.eventId).toBe('before');
    expect(result.credits.map((c) => c.touch.eventId)).not.toContain('later');
  });

  it('prefers the click the shop reported (its tracking parameter) to a later click', () => {
    const touches = [click('reported', 2 * DAY), click('latest', HOUR)];
    const result = attribute(orderAt, touches, windows, 'reported');
    expect(result.kind).toBe('click');
    expect(result.credits[0]).toEqual({ model: 'last_click', touch: touches[0], credit: 1 });
  });

  it('falls back to the latest click when the reported click is unknown or outside the window', () => {
    const touches = [click('stale', windows.clickMs + 1), click('c1', 2 * DAY), click('c2', HOUR)];
    expect(attribute(orderAt, touches, windows, 'unknown').credits[0]?.touch.eventId).toBe('c2');
    expect(attribute(orderAt, touches, windows, 'stale').credits[0]?.touch.eventId).toBe('c2');
    expect(attribute(orderAt, touches, windows, null).credits[0]?.touch.eventId).toBe('c2');
  });

  it('prefers a click to a later read', () => {
    const result = attribute(orderAt, [click('c', 3 * DAY), read('r', MINUTE)], windows);
    expect(result.kind).toBe('click');
    expect(result.credits[0]).toEqual({ model: 'last_click', touch: expect.objectContaining({ eventId: 'c' }), credit: 1 });
  });
});

describe('attribute: view-through', () => {
  it('without a click, credits the latest read within the view window', () => {
    const result = attribute(orderAt, [read('r1', 20 * HOUR), read('r2', 2 * HOUR), read('r0', 3 * DAY)], windows);
    expect(result.kind).toBe('view_through');
    expect(result.credits[0]).toEqual({ model: 'view_through', touch: expect.objectContaining({ eventId: 'r2' }), credit: 1 });
    expect(result.credits.filter((c) => c.model === 'view_through')).toHaveLength(1);
  });

  it('counts a read exactly at the edge of the view window', () => {
    const result = attribute(orderAt, [read('edge', windows.viewMs)], windows);
    expect(result.kind).toBe('view_through');
    expect(result.credits[0]?.touch.eventId).toBe('edge');
  });

  it('is organic when the only read is older than the view window', () => {
    const result = attribute(orderAt, [read('old', windows.viewMs + 1)], windows);
    expect(result.kind).toBe('organic');
    expect(result.credits.some((c) => c.model === 'view_through' || c.model === 'last_click')).toBe(false);
    // Still inside the click window, so it keeps its position credit.
    expect(result.credits).toEqual([{ model: 'position', touch: expect.objectContaining({ eventId: 'old' }), credit: 1 }]);
  });

  it('does not count a read after the order', () => {
    expect(attribute(orderAt, [read('later', -1)], windows)).toEqual({ kind: 'organic', credits: [] });
  });
});

describe('attribute: organic', () => {
  it('is organic with no credits when there are no touches', () => {
    expect(attribute(orderAt, [], windows)).toEqual({ kind: 'organic', credits: [] });
    expect(attribute(orderAt, [], windows, 'some-click')).toEqual({ kind: 'organic', credits: [] });
  });
});

describe('attribute: position-based credit', () => {
  it('gives all the credit to a single touch', () => {
    const credits = positionCredits([click('a', HOUR)]);
    expect(credits.map((c) => c.credit)).toEqual([1]);
  });

  it('splits two touches evenly', () => {
    const credits = positionCredits([read('a', 2 * HOUR), click('b', HOUR)]);
    expect(credits.map((c) => c.credit)).toEqual([0.5, 0.5]);
  });

  it('gives 40% to each end and 20% to the middle of three touches', () => {
    const credits = positionCredits([read('a', 3 * HOUR), read('b', 2 * HOUR), click('c', HOUR)]);
    expect(POSITION_ENDS_SHARE).toBe(0.4);
    expect(credits).toHaveLength(3);
    expect(credits[0]?.credit).toBeCloseTo(0.4, 12);
    expect(credits[1]?.credit).toBeCloseTo(0.2, 12);
    expect(credits[2]?.credit).toBeCloseTo(0.4, 12);
  });

  it('shares the middle 20% among three middle touches of five', () => {
    const touches = [read('a', 5 * HOUR), click('b', 4 * HOUR), read('c', 3 * HOUR), read('d', 2 * HOUR), click('e', HOUR)];
    const credits = positionCredits(touches);
    expect(credits).toHaveLength(5);
    const expected = [0.4, 0.2 / 3, 0.2 / 3, 0.2 / 3, 0.4];
    credits.forEach((c, i) => expect(c.credit).toBeCloseTo(expected[i] as number, 12));
  });

  it('always sums to 1', () => {
    for (let n = 1; n <= 12; n++) {
      const touches = Array.from({ length: n }, (_, i) => (i % 2 ? click(`t${i}`, (i + 1) * HOUR) : read(`t${i}`, (i + 1) * HOUR)));
      const credits = positionCredits(touches);
      expect(credits).toHaveLength(n);
      expect(credits.reduce((sum, c) => sum + c.credit, 0)).toBeCloseTo(1, 12);
    }
  });

  it('spreads only over touches in the click window, not over those before it or after the order', () => {
    const touches = [click('too-old', windows.clickMs + 1), read('a', 2 * DAY), click('b', HOUR), read('after', -MINUTE)];
    const credits = positionCredits(touches);
    expect(credits.map((c) => c.touch.eventId)).toEqual(['a', 'b']);
    expect(credits.map((c) => c.credit)).toEqual([0.5, 0.5]);
  });

  it('returns the credits in time order whatever the input order', () => {
    const touches = [read('c', 3 * HOUR), click('e', HOUR), read('a', 5 * HOUR), read('d', 2 * HOUR), click('b', 4 * HOUR)];
    const credits = positionCredits(touches);
    expect(credits.map((c) => c.touch.eventId)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(credits[0]?.credit).toBeCloseTo(0.4, 12);
    expect(credits[4]?.credit).toBeCloseTo(0.4, 12);
    expect(positionCredits([...touches].reverse())).toEqual(credits);
  });

  it('comes after the last-click credit, and includes the clicked touch', () => {
    const result = attribute(orderAt, [click('b', HOUR), read('a', 2 * HOUR)], windows);
    expect(result.credits.map((c) => [c.model, c.touch.eventId])).toEqual([
      ['last_click', 'b'],
      ['position', 'a'],
      ['position', 'b'],
    ]);
  });
});
