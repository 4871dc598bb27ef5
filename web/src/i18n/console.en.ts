import type { consoleZh } from './console.zh';

export const consoleEn: Record<keyof typeof consoleZh, string> = {
  'console.title': 'Brand console',
};
