import { currencyExponent } from "../../../contracts/currency.js";

// Amounts stay integers until the last step: minor units become a decimal *string* by moving the
// decimal point, and Intl.NumberFormat (which formats numeric strings exactly) adds the symbol and
// the grouping. No float ever holds an amount, so 2^53-sized sums and 3-decimal currencies print
// exactly.

type NumericString = `${number}`;

/** 4850, 2 -> "48.50"; -5, 3 -> "-0.005"; 750, 0 -> "750". */
export function minorToDecimalString(amountMinor: number, exponent: number): NumericString {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new RangeError(`amountMinor must be a safe integer, got ${amountMinor}`);
  }
  const sign = amountMinor < 0 ? "-" : "";
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  // A template literal of a sign, digits and an optional ".digits" is a numeric literal by construction.
  return (exponent === 0 ? `${sign}${whole}` : `${sign}${whole}.${fraction}`) as NumericString;
}

/** formatMoney(4850, "USD") -> "$48.50"; (750, "JPY") -> "¥750"; (1234, "KWD") -> "KWD 1.234". */
export function formatMoney(amountMinor: number, currency: string, locale = "en-US"): string {
  const code = currency.trim().toUpperCase();
  // The one exponent table of the money code, so an amount is read with the exponent it was stored with.
  const exponent = currencyExponent(code);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency: code,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  return formatter.format(minorToDecimalString(amountMinor, exponent));
}

/**
 * "2026-03-05" or "2026-03-05T23:30:00Z" -> "March 5, 2026". Always the UTC day, which is how the
 * data model stores days (payable days are UTC `YYYY-MM-DD`).
 */
export function formatDate(iso: string, locale = "en-US"): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`not an ISO 8601 date: ${JSON.stringify(iso)}`);
  }
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(date);
}
