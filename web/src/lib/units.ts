// What the owner types and reads in the console, in people's units, against what is stored: rates in
// basis points, money in integer minor units. Both directions go through decimal strings, never a
// float, so every stored value shows as text that parses back to exactly the same integer.
import { fractionDigits, minorToDecimal } from "./money";

/** Basis points per percent is 100: a percent has at most two decimals. */
const PERCENT_DIGITS = 2;

/** A plain non-negative decimal: digits, optionally a point and more digits ("12", "12.5", ".5"). */
const DECIMAL = /^(\d*)(?:\.(\d*))?$/;

/** Drops trailing fraction zeros: "50.00" → "50", "12.50" → "12.5". */
const trimZeros = (decimal: string) => (decimal.includes(".") ? decimal.replace(/\.?0+$/, "") : decimal);

/**
 * "12.5" with 2 digits → 1250: the whole and fraction digits joined as one integer string. Null for
 * anything that is not a plain non-negative decimal, has more fraction digits than `digits`, or is
 * beyond the exact integer range.
 */
export function decimalToInteger(text: string, digits: number): number | null {
  const match = DECIMAL.exec(text.trim());
  if (!match) return null;
  const [, whole = "", fraction = ""] = match;
  if (whole === "" && fraction === "") return null;
  if (fraction.length > digits) return null;
  const value = Number(`${whole}${fraction.padEnd(digits, "0")}` || "0");
  return Number.isSafeInteger(value) ? value : null;
}

/** 5000 → "50", 1250 → "12.5", 1 → "0.01": the number the owner types for a rate. */
export function bpsToPercentText(bps: number): string {
  return trimZeros(minorToDecimal(bps, PERCENT_DIGITS));
}

/** "50" → 5000, "12.5" → 1250, "12.5%" → 1250; null when it is not a percent with at most two decimals. */
export function percentTextToBps(text: string): number | null {
  return decimalToInteger(text.trim().replace(/\s*%$/, ""), PERCENT_DIGITS);
}

/** 5000 in USD → "50.00", 5000 in JPY → "5000": the amount as the owner types it, in the currency's digits. */
export function minorToMoneyText(minor: number, currency: string): string {
  return minorToDecimal(minor, fractionDigits(currency));
}

/** "50" or "50.00" in USD → 5000; null for more decimals than the currency has, or anything not a plain amount. */
export function moneyTextToMinor(text: string, currency: string): number | null {
  return decimalToInteger(text, fractionDigits(currency));
}
