import { describe, expect, it } from 'vitest';
import { clampQuantity, formatMoney, MAX_QUANTITY, maxQuantity, orderStatus, totalMinor } from './checkout';

describe('checkout quantity', () => {
  it('offers what is in stock, within the per-order limit', () => {
    expect(maxQuantity(5)).toBe(5);
    expect(maxQuantity(5000)).toBe(MAX_QUANTITY);
    expect(maxQuantity(0)).toBe(0);
    expect(maxQuantity(-3)).toBe(0);
  });

  it('keeps the quantity between one and the stock', () => {
    expect(clampQuantity(2, 5)).toBe(2);
    expect(clampQuantity(0, 5)).toBe(1);
    expect(clampQuantity(-4, 5)).toBe(1);
    expect(clampQuantity(9, 5)).toBe(5);
    expect(clampQuantity(2.7, 5)).toBe(2);
    expect(clampQuantity(Number.NaN, 5)).toBe(1);
  });

  it('is zero when the product is sold out', () => {
    expect(clampQuantity(1, 0)).toBe(0);
  });
});

describe('checkout total', () => {
  it('is the unit price times the quantity', () => {
    expect(totalMinor(19900, 2)).toBe(39800);
    expect(totalMinor(19900, 0)).toBe(0);
  });

  it("is shown with the currency's own decimals", () => {
    expect(formatMoney(39800, 'CNY', 'en')).toBe('CN¥398.00');
    expect(formatMoney(39800, 'CNY', 'zh-CN')).toBe('¥398.00');
    expect(formatMoney(1200, 'JPY', 'en')).toBe('¥1,200');
  });
});

describe('order status', () => {
  it('follows what was refunded of a paid order', () => {
    expect(orderStatus('PAID', 1000, 0)).toBe('paid');
    expect(orderStatus('PAID', 1000, 400)).toBe('partlyRefunded');
    expect(orderStatus('PAID', 1000, 1000)).toBe('refunded');
  });

  it('says an order is waiting for its payment, or expired without one', () => {
    expect(orderStatus('PENDING', 1000, 0)).toBe('pending');
    expect(orderStatus('EXPIRED', 1000, 0)).toBe('expired');
  });
});
