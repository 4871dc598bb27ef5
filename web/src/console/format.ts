import { TOPICS } from '../explore/channels';
import type { Translate } from '../i18n/i18n';

/** Display helpers shared by the console's screens; money itself is always the API's `formatted` string. */

export const DASH = '—';

// Making a formatter costs far more than using one (tens of milliseconds on a slow phone, for the first of a locale):
// a dashboard formats hundreds of figures, so each kind is made once per locale.
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.NumberFormat(locale, options)));
  return made;
}

export function count(value: number, locale: string): string {
  return formatter(locale).format(value);
}

export function percent(rate: number | null | undefined, locale: string): string {
  if (rate === null || rate === undefined) return DASH;
  return formatter(locale, { style: 'percent', maximumFractionDigits: 1 }).format(rate);
}

/** A money amount in major units (199 for ¥199.00) for a chart's axis, by the currency's own minor unit. */
export function majorUnits(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

/** How many minor units digits a currency has: 2 for CNY (fen), 0 for JPY and KRW. */
export function minorDigits(currency: string): number {
  return formatter('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

export function localeOf(lang: 'zh' | 'en'): string {
  return lang === 'zh' ? 'zh-CN' : 'en';
}

export function dateTime(iso: string, lang: 'zh' | 'en'): string {
  return new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
}

/** The currencies the API takes for prices and deals (ISO 4217, as its schema lists them). */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'KRW', 'HKD', 'GBP'];

/** A sign-up topic (also a product category) in the reader's language; one the app does not know, as it is. */
export function topicName(t: Translate, topic: string): string {
  const known = TOPICS.find((name) => name === topic);
  return known ? t(`topic.${known}`) : topic;
}
