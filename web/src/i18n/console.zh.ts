/** The brand console's messages (Simplified Chinese); console.en.ts has exactly these keys. */
export const consoleZh = {
  'console.title': '品牌后台',
} as const;
