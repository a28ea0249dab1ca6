import { roundHalfEvenDiv } from "./rounding.js";

// The rule: a commission is computed from exact integers and rounded ONCE, half-even, at the very
// end. A refunded share of the base that the platform does not report (Lemon Squeezy gives only the
// refunded amount in the sale currency) is kept as an exact fraction of the sale, never rounded on
// its own, so that after refunds of 333 + 333 + 333 on 999 at 50% the commission is
// round(0.5 × 666) = 333, round(0.5 × 333) = 166, then exactly 0 (M-05), and a full refund can
// never leave a cent behind.

const BPS = 10_000n;

/** A non-negative fraction `num / den` with `den > 0`. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

function assertMinor(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative safe integer, got ${String(value)}`);
  }
}

function assertSigned(name: string, value: number): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a safe integer, got ${String(value)}`);
}

function assertRate(rateBps: number): void {
  if (!Number.isSafeInteger(rateBps) || rateBps < 0 || rateBps > 10_000) {
    throw new RangeError(`rateBps must be an integer in [0, 10000], got ${String(rateBps)}`);
  }
}

function toSafeNumber(value: bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`amount out of range: ${value.toString()}`);
  return n;
}

/** Rounds a fraction half-even to an integer number of minor units. */
export function roundFraction(f: Fraction): number {
  return toSafeNumber(roundHalfEvenDiv(f.num, f.den));
}

/**
 * The refunded part of the base as one exact fraction: what the platform reported in the base
 * currency, plus the base share of the refunds it reported only in the sale currency
 * (`base × proratedGross / gross`). Both sums are signed (a credit reversal or a tax-only refund
 * gives back), and only the total is clamped to [0, base]: a commission never goes negative nor
 * above the original, and the result does not depend on the order the amounts were added in.
 */
export function refundedBaseFraction(input: {
  baseMinor: number;
  grossMinor: number;
  reportedBaseMinor: number;
  proratedGrossMinor: number;
}): Fraction {
  const { baseMinor, grossMinor, reportedBaseMinor, proratedGrossMinor } = input;
  assertMinor("baseMinor", baseMinor);
  assertMinor("grossMinor", grossMinor);
  assertSigned("reportedBaseMinor", reportedBaseMinor);
  assertSigned("proratedGrossMinor", proratedGrossMinor);
  const base = BigInt(baseMinor);
  // A zero-total sale has no share to prorate; its base can only be refunded as reported.
  const gross = BigInt(grossMinor);
  const den = gross > 0n ? gross : 1n;
  let num = BigInt(reportedBaseMinor) * den + (gross > 0n ? base * BigInt(proratedGrossMinor) : 0n);
  const max = base * den;
  if (num > max) num = max;
  if (num < 0n) num = 0n;
  return { num, den };
}

/** `roundHalfEven((base − refunded) × rateBps / 10000)` with `refunded` an exact fraction. */
export function commissionOnRemaining(input: { baseMinor: number; refunded: Fraction; rateBps: number }): number {
  const { baseMinor, refunded, rateBps } = input;
  assertMinor("baseMinor", baseMinor);
  assertRate(rateBps);
  if (refunded.den <= 0n || refunded.num < 0n) throw new RangeError("refunded must be a non-negative fraction");
  let remaining = BigInt(baseMinor) * refunded.den - refunded.num;
  if (remaining < 0n) remaining = 0n;
  return toSafeNumber(roundHalfEvenDiv(remaining * BigInt(rateBps), refunded.den * BPS));
}

/** `roundHalfEven((base − refunded) × rateBps / 10000)`, refunds beyond the base count as the base. */
export function commissionMinor(input: { baseMinor: number; refundedBaseMinor: number; rateBps: number }): number {
  assertMinor("refundedBaseMinor", input.refundedBaseMinor);
  return commissionOnRemaining({
    baseMinor: input.baseMinor,
    refunded: { num: BigInt(input.refundedBaseMinor), den: 1n },
    rateBps: input.rateBps,
  });
}
