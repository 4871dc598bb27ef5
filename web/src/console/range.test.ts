import { describe, expect, it } from 'vitest';
import { bucketLabel, rangeOf } from './range';

describe('date range presets', () => {
  const now = new Date('2026-12-06T08:48:33.000Z');

  it('end at the next UTC midnight, so today counts, and start whole days before', () => {
    expect(rangeOf('7d', now)).toEqual({ from: '2026-11-30T00:00:00.000Z', to: '2026-12-07T00:00:00.000Z', interval: 'DAY' });
    expect(rangeOf('90d', now).from).toBe('2026-09-08T00:00:00.000Z');
  });

  it('read the last 48 hours by hour, up to the end of the current hour', () => {
    expect(rangeOf('48h', now)).toEqual({ from: '2026-12-04T09:00:00.000Z', to: '2026-12-06T09:00:00.000Z', interval: 'HOUR' });
    // On the hour exactly, the hour just begun is included.
    expect(rangeOf('48h', new Date('2026-12-06T09:00:00.000Z')).to).toBe('2026-12-06T10:00:00.000Z');
  });

  it('label buckets in UTC', () => {
    expect(bucketLabel('2026-12-06T00:00:00.000Z', 'DAY')).toBe('12-06');
    expect(bucketLabel('2026-12-06T08:00:00.000Z', 'HOUR')).toBe('12-06 08:00');
  });
});
