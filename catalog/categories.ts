/** The interest categories offered at sign-up and used to file products. */
export const CATEGORIES = ['beauty', 'fashion', 'food', 'travel', 'home', 'tech'] as const;
export type Category = (typeof CATEGORIES)[number];
