import { currencyExponent } from "../../../contracts/currency.js";

export interface ParseAmountOptions {
  /** Refund fields such as Classic's `balance_earnings_decrease` can be negative. Default false. */
  allowNegative?: boolean;
}

export class MoneyFormatError extends Error {
  override name = "MoneyFormatError";
}

// A bound on digits keeps BigInt work trivial for hostile input; safe integers have 16 digits.
const MAJOR = /^(-?)(\d{1,20})(?:\.(\d{1,20}))?$/;
const MINOR = /^(-?)(\d{1,20})$/;

function describe(value: string): string {
  return JSON.stringify(value.length > 32 ? `${value.slice(0, 32)}…` : value);
}

function toSafeNumber(minor: bigint, negative: boolean, value: string, options: ParseAmountOptions): number {
  if (negative && minor !== 0n && options.allowNegative !== true) {
    throw new MoneyFormatError(`Negative amount not allowed: ${describe(value)}`);
  }
  const signed = negative ? -minor : minor;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new MoneyFormatError(`Amount is not a safe integer in minor units: ${describe(value)}`);
  }
  // `Number(-0n)` is 0, so "-0.00" never yields -0.
  return Number(signed);
}

/**
 * "19.99" USD → 1999, "1499" JPY → 1499, "1.234" KWD → 1234, by splitting the string: a float
 * round trip (`parseFloat("19.99") * 100` = 1998.9999…) loses cents. Extra fraction digits are
 * accepted only when they are zeros ("1499.00" JPY), because anything else would need rounding.
 */
export function parseMajorToMinor(value: string, currency: string, options: ParseAmountOptions = {}): number {
  const exponent = currencyExponent(currency);
  const match = MAJOR.exec(value);
  if (match === null) throw new MoneyFormatError(`Not a decimal amount: ${describe(value)}`);
  const [, sign = "", whole = "", fraction = ""] = match;
  const kept = fraction.slice(0, exponent);
  if (/[^0]/.test(fraction.slice(exponent))) {
    throw new MoneyFormatError(`More than ${exponent} decimal places for ${currency}: ${describe(value)}`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(kept.padEnd(exponent, "0") || "0");
  return toSafeNumber(minor, sign === "-", value, options);
}

/** Paddle Billing's amounts: integer strings already in the lowest denomination ("65215"). */
export function parseMinorString(value: string, options: ParseAmountOptions = {}): number {
  const match = MINOR.exec(value);
  if (match === null) throw new MoneyFormatError(`Not an integer amount: ${describe(value)}`);
  const [, sign = "", digits = ""] = match;
  return toSafeNumber(BigInt(digits), sign === "-", value, options);
}
