import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { format, type MessageKey, type MessageParams, type Messages } from './messages';
import { zh } from './zh';

export type Lang = 'zh' | 'en';
const LANG_KEY = 'seedfeed.lang';
// The viewer's messages from the start; the studio's and the console's join them as their code loads (addMessages).
const CATALOGS: Record<Lang, Partial<Messages>> = { zh: { ...zh }, en: { ...en } };
const LOCALES: Record<Lang, string> = { zh: 'zh-CN', en: 'en' };

export type Translate = <K extends MessageKey>(key: K, ...params: MessageParams<K>) => string;

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t: Translate;
  /** 12345 → 1.2万 in Chinese, 12K in English. */
  count(value: number): string;
}

export function storedLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function translator(lang: Lang): Translate {
  const catalog = CATALOGS[lang];
  return (key, ...params) => format(catalog[key] ?? key, params[0]);
}

/**
 * The messages of an app loaded after the first script (the studio, the console), added by that app's code as it
 * loads, before it renders: the viewer's first script does not carry them.
 */
export function addMessages(catalogs: Record<Lang, Partial<Messages>>): void {
  for (const lang of Object.keys(catalogs) as Lang[]) Object.assign(CATALOGS[lang], catalogs[lang]);
}

/**
 * Counts in the language's compact notation (1.2万, 12K). Making the formatter costs a phone 50–200 ms (locale data) and
 * only counts of 1,000 or more need it (below that compact notation writes the plain digits), so it is made when the
 * first such count is shown, not while the first page renders.
 */
export function counter(lang: Lang): (n: number) => string {
  let compact: Intl.NumberFormat | undefined;
  return (n) => {
    if (Number.isInteger(n) && Math.abs(n) < 1000) return String(n);
    compact ??= new Intl.NumberFormat(LOCALES[lang], { notation: 'compact', maximumFractionDigits: 1 });
    return compact.format(n);
  };
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, initial }: { children: ReactNode; initial?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => initial ?? storedLang());
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(LANG_KEY, next);
    } catch {
      // Without storage the choice lasts for this tab only.
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = LOCALES[lang];
  }, [lang]);
  const value = useMemo<I18n>(() => {
    return { lang, setLang, t: translator(lang), count: counter(lang) };
  }, [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
