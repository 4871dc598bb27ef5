import { afterEach, describe, expect, it } from 'vitest';
import { readRecent, rememberSearch, RECENT_LIMIT, withRecent, writeRecent } from './recent';

afterEach(() => localStorage.clear());

describe('recent searches', () => {
  it('puts the newest first, once, ignoring case and spaces', () => {
    expect(withRecent(['火锅', 'Lipstick'], '  lipstick ')).toEqual(['lipstick', '火锅']);
    expect(withRecent(['火锅'], '   ')).toEqual(['火锅']);
  });

  it(`keeps at most ${RECENT_LIMIT}`, () => {
    let list: string[] = [];
    for (let i = 0; i < RECENT_LIMIT + 5; i += 1) list = withRecent(list, `q${i}`);
    expect(list).toHaveLength(RECENT_LIMIT);
    expect(list[0]).toBe(`q${RECENT_LIMIT + 4}`);
  });

  it('survives in localStorage and can be cleared', () => {
    rememberSearch('口红');
    rememberSearch('火锅');
    expect(readRecent()).toEqual(['火锅', '口红']);
    writeRecent([]);
    expect(readRecent()).toEqual([]);
  });

  it('reads something else in storage as no history', () => {
    localStorage.setItem('seedfeed.recentSearches', '{not json');
    expect(readRecent()).toEqual([]);
    localStorage.setItem('seedfeed.recentSearches', JSON.stringify(['a', 3, 'b']));
    expect(readRecent()).toEqual(['a', 'b']);
  });
});
