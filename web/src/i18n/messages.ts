import { zh } from './zh';

export type MessageKey = keyof typeof zh;
export type Messages = Record<MessageKey, string>;

type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;
/** The placeholders a message needs, read from its Chinese text: t('card.likes', { count }) must name count. */
export type MessageParams<K extends MessageKey> = [ParamsOf<(typeof zh)[K]>] extends [never]
  ? []
  : [params: Record<ParamsOf<(typeof zh)[K]>, string | number>];

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Messages without placeholders, which can be chosen at run time and passed around. */
export type PlainMessageKey = { [K in MessageKey]: MessageParams<K> extends [] ? K : never }[MessageKey];
