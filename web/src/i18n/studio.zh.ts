/** The creator studio's messages (Simplified Chinese); studio.en.ts has exactly these keys. */
export const studioZh = {
  'studio.title': '创作中心',
} as const;
