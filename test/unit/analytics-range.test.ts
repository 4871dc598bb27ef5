import { MAX_HOURLY_DAYS, MAX_RANGE_DAYS, rangeOf } from '../../commerce/analytics.service';
import { AppError, ErrorCode } from '../../core/errors';

const HOUR = 3600 * 1000;
const DAY = 24 * HOUR;
const d = (iso: string) => new Date(iso);

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

function expectBadInput(fn: () => unknown) {
  const error = thrown(fn);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(ErrorCode.BAD_USER_INPUT);
}

describe('rangeOf', () => {
  it('uses days when both ends are UTC midnights', () => {
    expect(rangeOf({ from: d('2024-03-01T00:00:00Z'), to: d('2024-03-08T00:00:00Z') })).toEqual({
      grain: 'day',
      from: d('2024-03-01T00:00:00Z'),
      to: d('2024-03-08T00:00:00Z'),
    });
  });

  it('uses hours, rounded outwards, when an end is not a midnight', () => {
    expect(rangeOf({ from: d('2024-03-01T10:15:00Z'), to: d('2024-03-01T12:30:00Z') })).toEqual({
      grain: 'hour',
      from: d('2024-03-01T10:00:00Z'),
      to: d('2024-03-01T13:00:00Z'),
    });
    expect(rangeOf({ from: d('2024-03-01T00:00:00Z'), to: d('2024-03-02T05:00:00.001Z') })).toEqual({
      grain: 'hour',
      from: d('2024-03-01T00:00:00Z'),
      to: d('2024-03-02T06:00:00Z'),
    });
    expect(rangeOf({ from: d('2024-03-01T23:59:59.999Z'), to: d('2024-03-03T00:00:00Z') })).toEqual({
      grain: 'hour',
      from: d('2024-03-01T23:00:00Z'),
      to: d('2024-03-03T00:00:00Z'),
    });
  });

  it('keeps ends already on the hour', () => {
    expect(rangeOf({ from: d('2024-03-01T10:00:00Z'), to: d('2024-03-01T12:00:00Z') })).toEqual({
      grain: 'hour',
      from: d('2024-03-01T10:00:00Z'),
      to: d('2024-03-01T12:00:00Z'),
    });
  });

  it('treats midnight as UTC, not local time', () => {
    expect(rangeOf({ from: d('2024-03-01T00:00:00+02:00'), to: d('2024-03-02T00:00:00+02:00') }).grain).toBe('hour');
  });

  it('rounds outwards to whole days when days are asked for', () => {
    expect(rangeOf({ from: d('2024-03-01T10:15:00Z'), to: d('2024-03-03T05:00:00Z') }, 'day')).toEqual({
      grain: 'day',
      from: d('2024-03-01T00:00:00Z'),
      to: d('2024-03-04T00:00:00Z'),
    });
    expect(rangeOf({ from: d('2024-03-01T00:00:00Z'), to: d('2024-03-03T00:00:00Z') }, 'day')).toEqual({
      grain: 'day',
      from: d('2024-03-01T00:00:00Z'),
      to: d('2024-03-03T00:00:00Z'),
    });
  });

  it('uses hours when hours are asked for, even between midnights', () => {
    expect(rangeOf({ from: d('2024-03-01T00:00:00Z'), to: d('2024-03-03T00:00:00Z') }, 'hour')).toEqual({
      grain: 'hour',
      from: d('2024-03-01T00:00:00Z'),
      to: d('2024-03-03T00:00:00Z'),
    });
  });

  it('rejects from at or after to', () => {
    const at = d('2024-03-01T00:00:00Z');
    expectBadInput(() => rangeOf({ from: at, to: new Date(at.getTime()) }));
    expectBadInput(() => rangeOf({ from: d('2024-03-02T00:00:00Z'), to: at }));
    expectBadInput(() => rangeOf({ from: new Date(at.getTime() + 1), to: at }, 'day'));
  });

  it('rejects invalid dates', () => {
    expectBadInput(() => rangeOf({ from: d('not a date'), to: d('2024-03-02T00:00:00Z') }));
    expectBadInput(() => rangeOf({ from: d('2024-03-01T00:00:00Z'), to: new Date(NaN) }));
    expectBadInput(() => rangeOf({ from: '2024-03-01' as unknown as Date, to: d('2024-03-02T00:00:00Z') }));
  });

  it(`accepts ${MAX_RANGE_DAYS} days and rejects anything longer`, () => {
    const from = d('2023-01-01T00:00:00Z');
    expect(rangeOf({ from, to: new Date(from.getTime() + MAX_RANGE_DAYS * DAY) })).toEqual({
      grain: 'day',
      from,
      to: new Date(from.getTime() + MAX_RANGE_DAYS * DAY),
    });
    expectBadInput(() => rangeOf({ from, to: new Date(from.getTime() + MAX_RANGE_DAYS * DAY + 1) }));
    expectBadInput(() => rangeOf({ from, to: new Date(from.getTime() + (MAX_RANGE_DAYS + 1) * DAY) }, 'day'));
  });

  it(`allows an hourly series of ${MAX_HOURLY_DAYS} days and no more`, () => {
    const from = d('2024-03-01T00:00:00Z');
    expect(rangeOf({ from, to: new Date(from.getTime() + MAX_HOURLY_DAYS * DAY) }, 'hour')).toEqual({
      grain: 'hour',
      from,
      to: new Date(from.getTime() + MAX_HOURLY_DAYS * DAY),
    });
    expectBadInput(() => rangeOf({ from, to: new Date(from.getTime() + MAX_HOURLY_DAYS * DAY + HOUR) }, 'hour'));
    expectBadInput(() => rangeOf({ from, to: new Date(from.getTime() + 30 * DAY) }, 'hour'));
  });

  it('does not cap the range at the hourly limit when the grain is not asked for', () => {
    const from = d('2024-03-01T10:00:00Z');
    const to = new Date(from.getTime() + 30 * DAY);
    expect(rangeOf({ from, to })).toEqual({ grain: 'hour', from, to });
    expect(rangeOf({ from, to }, 'day').grain).toBe('day');
  });
});
