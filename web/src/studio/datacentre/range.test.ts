import { describe, expect, it } from 'vitest';
import { daysOf, lastDays } from './range';

describe('lastDays', () => {
  it('ends at the next UTC midnight and spans whole days', () => {
    const range = lastDays(7, new Date('2026-03-10T23:30:00+08:00'));
    expect(range).toEqual({ from: '2026-03-04T00:00:00.000Z', to: '2026-03-11T00:00:00.000Z' });
    expect(daysOf(range)).toEqual(['2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
  });
});
