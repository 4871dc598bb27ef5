import { describe, expect, it } from 'vitest';
import { en } from './en';
import { counter, translator } from './i18n';
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

  it('writes counts as compact notation does, in both languages', () => {
    for (const [lang, locale] of [
      ['zh', 'zh-CN'],
      ['en', 'en'],
    ] as const) {
      const count = counter(lang);
      const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
      for (const n of [0, 1, 7, 42, 999, 1000, 1049, 9999, 12_345, 250_000, 3_400_000, -5, -1200])
        expect([lang, n, count(n)]).toEqual([lang, n, compact.format(n)]);
    }
    expect(counter('zh')(12_345)).toBe('1.2万');
  });
});
