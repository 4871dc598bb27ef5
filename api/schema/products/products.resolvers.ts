import type { ProductRow } from '../../../models/repositories/products.repository';
import type { GraphQLContext } from '../../context';
import { asPayload } from '../common/common.resolvers';

const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0 };
const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', JPY: '¥', KRW: '₩', HKD: 'HK$', GBP: '£' };

function formatMoney(amountMinor: number, currency: string): string {
  const digits = MINOR_DIGITS[currency] ?? 2;
  return `${SYMBOLS[currency] ?? `${currency} `}${(amountMinor / 10 ** digits).toFixed(digits)}`;
}

/** A Money value; fractional amounts (position-based credit) round to the nearest minor unit, as the type is an Int. */
export function money(amountMinor: number, currency: string) {
  const whole = Math.round(amountMinor);
  return { amountMinor: whole, currency, formatted: formatMoney(whole, currency) };
}

export const productsResolvers = {
  Query: {
    product: (_: unknown, args: { id: string }, ctx: GraphQLContext) => ctx.services.products.get(args.id),
  },
  Mutation: {
    createProduct: (_: unknown, args: { input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => ({ product: await ctx.services.products.create(ctx.viewer, args.input) })),
    updateProduct: (_: unknown, args: { id: string; input: unknown }, ctx: GraphQLContext) =>
      asPayload(async () => ({ product: await ctx.services.products.update(ctx.viewer, args.id, args.input) })),
  },
  Product: {
    brand: (p: ProductRow, _: unknown, ctx: GraphQLContext) => ctx.loaders.brand.load(p.brandId),
    price: (p: ProductRow) => money(p.priceMinor, p.currency),
    images: (p: ProductRow) => p.imageUrls,
    inStock: (p: ProductRow) => p.stock > 0,
  },
};
