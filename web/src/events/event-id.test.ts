import { describe, expect, it } from 'vitest';
import { uuidv7 } from './event-id';

describe('uuidv7', () => {
  it('is a version 7 UUID that leads with the time in milliseconds', () => {
    const id = uuidv7(Date.UTC(2026, 11, 7, 12));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace('-', '').slice(0, 12), 16)).toBe(Date.UTC(2026, 11, 7, 12));
  });

  it('sorts by time, and differs within the same millisecond', () => {
    expect(uuidv7(1_000) < uuidv7(2_000)).toBe(true);
    expect(new Set(Array.from({ length: 100 }, () => uuidv7(1_000))).size).toBe(100);
  });
});
