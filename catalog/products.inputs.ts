import { z } from 'zod';
import { CATEGORIES } from './categories';
import { httpUrl } from '../core/validate';

/** ISO 4217 codes the shop front can show; prices are integers in the currency's minor unit. */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'KRW', 'HKD', 'GBP'] as const;
export const MAX_PRICE_MINOR = 100_000_000;

const fields = {
  title: z.string().trim().min(1, 'must not be empty').max(120, 'use at most 120 characters'),
  description: z.string().max(5000, 'use at most 5000 characters'),
  priceMinor: z
    .number()
    .int('must be a whole number of minor units')
    .min(1, 'must be positive')
    .max(MAX_PRICE_MINOR, `must be at most ${MAX_PRICE_MINOR} minor units`),
  currency: z.enum(CURRENCIES, { message: `must be one of ${CURRENCIES.join(', ')}` }),
  images: z.array(httpUrl).max(9, 'use at most 9 images'),
  category: z.enum(CATEGORIES, { message: `must be one of ${CATEGORIES.join(', ')}` }),
  stock: z.number().int().min(0, 'must not be negative').max(10_000_000),
  buyUrl: httpUrl,
};

export const createProductInput = z.object({
  ...fields,
  description: fields.description.default(''),
  images: fields.images.default([]),
});

export const updateProductInput = z.object({
  title: fields.title.optional(),
  description: fields.description.optional(),
  priceMinor: fields.priceMinor.optional(),
  currency: fields.currency.optional(),
  images: fields.images.optional(),
  category: fields.category.optional(),
  stock: fields.stock.optional(),
  buyUrl: fields.buyUrl.optional(),
});
