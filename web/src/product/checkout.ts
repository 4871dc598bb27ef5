/** What one checkout may ask for: the API refuses more than this many units in one order. */
export const MAX_QUANTITY = 999;

/** The most units the stepper offers: what is in stock, within one order's limit; 0 when sold out. */
export function maxQuantity(stock: number): number {
  return Math.max(0, Math.min(Math.floor(stock), MAX_QUANTITY));
}

/** A wanted quantity kept between 1 and what can be bought (0 only when nothing can). */
export function clampQuantity(wanted: number, stock: number): number {
  const most = maxQuantity(stock);
  if (most === 0) return 0;
  if (!Number.isFinite(wanted)) return 1;
  return Math.min(Math.max(1, Math.floor(wanted)), most);
}

/** The amount due in minor units, as the API charges it: the current unit price times the quantity. */
export function totalMinor(unitMinor: number, quantity: number): number {
  return unitMinor * quantity;
}

/** Minor units shown as money in the reader's language, with the currency's own decimals (none for JPY). */
export function formatMoney(amountMinor: number, currency: string, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(amountMinor / 10 ** digits);
}

/** The order's state as its buyer sees it: whether it was paid, then what was refunded of it. */
export function orderStatus(
  status: 'PENDING' | 'PAID' | 'EXPIRED',
  amountMinor: number,
  refundedMinor: number,
): 'pending' | 'expired' | 'paid' | 'partlyRefunded' | 'refunded' {
  if (status === 'PENDING') return 'pending';
  if (status === 'EXPIRED') return 'expired';
  if (refundedMinor <= 0) return 'paid';
  return refundedMinor >= amountMinor ? 'refunded' : 'partlyRefunded';
}
