import { describe, expect, it } from 'vitest';
import { en } from './en';
import { translator } from './i18n';
import { zh } from './zh';

describe('messages', () => {
  it('English has every Chinese key with the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const key of Object.keys(zh) as (keyof typeof zh)[]) expect([key, placeholders(en[key])]).toEqual([key, placeholders(zh[key])]);
  });

  it('fills placeholders', () => {
    expect(translator('zh')('card.likes', { count: 3 })).toBe('3 个赞');
    expect(translator('en')('card.likes', { count: 3 })).toBe('3 likes');
    expect(translator('zh')('channel.forYou')).toBe('推荐');
  });
});
