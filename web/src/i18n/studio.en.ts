import type { studioZh } from './studio.zh';

export const studioEn: Record<keyof typeof studioZh, string> = {
  'studio.title': 'Creator studio',
};
