const MINOR_DIGITS: Record<string, number> = { JPY: 0, KRW: 0 };
const SYMBOLS: Record<string, string> = { CNY: '¥', USD: '$', EUR: '€', JPY: '¥', KRW: '₩', HKD: 'HK$', GBP: '£' };

function formatMoney(amountMinor: number, currency: string): string {
  const digits = MINOR_DIGITS[currency] ?? 2;
  return `${SYMBOLS[currency] ?? `${currency} `}${(amountMinor / 10 ** digits).toFixed(digits)}`;
}

/** A Money value; fractional amounts (position-based credit) round to the nearest minor unit, as MinorUnits are whole. */
export function money(amountMinor: number, currency: string) {
  const whole = Math.round(amountMinor);
  return { amountMinor: whole, currency, formatted: formatMoney(whole, currency) };
}
