import { describe, expect, it } from 'vitest';
import { consoleEn } from './console.en';
import { consoleZh } from './console.zh';
import { en } from './en';
import { addMessages, counter, translator } from './i18n';
import { studioEn } from './studio.en';
import { studioZh } from './studio.zh';
import { zh } from './zh';

describe('messages', () => {
  it('English has every Chinese key with the same placeholders, in each catalog', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const catalogs: [Record<string, string>, Record<string, string>][] = [
      [zh, en],
      [studioZh, studioEn],
      [consoleZh, consoleEn],
    ];
    for (const [chinese, english] of catalogs) {
      expect(Object.keys(english).sort()).toEqual(Object.keys(chinese).sort());
      for (const key of Object.keys(chinese)) expect([key, placeholders(english[key]!)]).toEqual([key, placeholders(chinese[key]!)]);
    }
    const keys = catalogs.flatMap(([chinese]) => Object.keys(chinese));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("knows an app's messages once its code has added them", () => {
    addMessages({ zh: studioZh, en: studioEn });
    expect(translator('en')('studio.title')).toBe('Creator studio');
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
