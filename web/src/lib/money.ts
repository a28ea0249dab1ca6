// Minor units become text through string arithmetic only: a float never holds an amount, so
// 0.1 + 0.2 style errors and precision loss above 2^53 / 100 cannot reach the screen.
import { currencyExponent, isCurrency } from "../../../contracts/currency";

/** Fraction digits from the exponent table the functions use (USD 2, JPY 0, BHD 3); an unknown code shows two. */
export function fractionDigits(currency: string): number {
  const code = currency.toUpperCase();
  return isCurrency(code) ? currencyExponent(code) : 2;
}

/** 123456 with 2 digits → "1234.56"; -5 → "-0.05"; 7 with 0 digits → "7". */
export function minorToDecimal(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not an integer amount of minor units: ${minor}`);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new RangeError(`Bad fraction digits: ${digits}`);
  const sign = minor < 0 ? "-" : "";
  const absolute = String(Math.abs(minor));
  if (digits === 0) return sign + absolute;
  const padded = absolute.padStart(digits + 1, "0");
  return `${sign}${padded.slice(0, -digits)}.${padded.slice(-digits)}`;
}

/** Locale-formatted amount, e.g. formatMoney(123456, "USD", "en-US") → "$1,234.56". */
export function formatMoney(minor: number, currency: string, locale?: string): string {
  const code = currency.toUpperCase();
  const digits = fractionDigits(code);
  const decimal = minorToDecimal(minor, digits) as `${number}`;
  try {
    // Intl.NumberFormat formats a decimal string exactly (ECMA-402 NumberFormat v3), in the table's digits.
    return new Intl.NumberFormat(locale, { style: "currency", currency: code, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(decimal);
  } catch {
    return `${decimal} ${code}`;
  }
}
