import type { consoleZh } from './console.zh';
import type { studioZh } from './studio.zh';
import type { zh } from './zh';

/** Every message of the app, the ones of the apps loaded later (studio, console) included: their types cost no bytes. */
type AllZh = typeof zh & typeof studioZh & typeof consoleZh;
export type MessageKey = keyof AllZh;
export type Messages = Record<MessageKey, string>;
/** The messages in the first script: the viewer's app. */
export type CoreMessages = Record<keyof typeof zh, string>;

type ParamsOf<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsOf<Rest> : never;
/** The placeholders a message needs, read from its Chinese text: t('card.likes', { count }) must name count. */
export type MessageParams<K extends MessageKey> = [ParamsOf<AllZh[K]>] extends [never]
  ? []
  : [params: Record<ParamsOf<AllZh[K]>, string | number>];

export function format(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Messages without placeholders, which can be chosen at run time and passed around. */
export type PlainMessageKey = { [K in MessageKey]: MessageParams<K> extends [] ? K : never }[MessageKey];
