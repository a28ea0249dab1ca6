/**
 * ISO 4217 minor-unit exponents for the currencies the three platforms sell or pay out in.
 * HUF stays at its ISO exponent (2) even though some processors treat it as zero-decimal: Paddle
 * Classic sends HUF as a decimal string and Billing as an integer string in its own lowest
 * denomination, and one exponent for the whole system keeps stored amounts comparable.
 */
const EXPONENTS: Readonly<Record<string, number>> = {
  AED: 2, ARS: 2, AUD: 2, BHD: 3, BRL: 2, CAD: 2, CHF: 2, CLP: 0, CNY: 2, COP: 2, CZK: 2, DKK: 2,
  EUR: 2, GBP: 2, HKD: 2, HUF: 2, IDR: 2, ILS: 2, INR: 2, ISK: 0, JOD: 3, JPY: 0, KRW: 0, KWD: 3,
  MXN: 2, MYR: 2, NOK: 2, NZD: 2, OMR: 3, PHP: 2, PLN: 2, RON: 2, SAR: 2, SEK: 2, SGD: 2, THB: 2,
  TND: 3, TRY: 2, TWD: 2, UAH: 2, USD: 2, VND: 0, ZAR: 2,
};

export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && Object.hasOwn(EXPONENTS, code);
}

/** Number of fraction digits of `code`; throws on anything that is not a known upper-case code. */
export function currencyExponent(code: string): number {
  if (!isCurrency(code)) throw new RangeError(`Unknown currency code: ${JSON.stringify(code.slice(0, 16))}`);
  const exponent = EXPONENTS[code];
  if (exponent === undefined) throw new RangeError(`Unknown currency code: ${code}`);
  return exponent;
}
