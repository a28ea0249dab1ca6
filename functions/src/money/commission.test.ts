import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  commissionMinor,
  commissionOnRemaining,
  refundedBaseFraction,
  roundFraction,
} from "./commission.js";

describe("commissionMinor (M-03, M-04)", () => {
  it.each([
    [999, 5000, 500],
    [1001, 5000, 500],
    [1000, 5000, 500],
    [1, 5000, 0], // 0.5 → 0
    [3, 5000, 2], // 1.5 → 2
    [5, 5000, 2], // 2.5 → 2
    [1499, 5000, 750], // JPY, zero decimals
    [12345, 3000, 3704], // KWD 12.345 × 30% = 3.7035 → 3.704 (tie to even)
    [12_345, 2000, 2469], // KWD 12.345 × 20% = 2.469
    [1_005, 5000, 502], // KWD 1.005 × 50% = 0.5025 → 0.502 (tie to even)
    [1_015, 5000, 508], // KWD 1.015 × 50% = 0.5075 → 0.508 (tie to even)
    [0, 5000, 0],
    [999, 0, 0],
    [999, 10000, 999],
  ])("base %d at %d bps → %d", (baseMinor, rateBps, expected) => {
    expect(commissionMinor({ baseMinor, refundedBaseMinor: 0, rateBps })).toBe(expected);
  });

  it("takes the refunded base off before the one rounding", () => {
    expect(commissionMinor({ baseMinor: 2000, refundedBaseMinor: 1001, rateBps: 5000 })).toBe(500);
    expect(commissionMinor({ baseMinor: 2000, refundedBaseMinor: 1003, rateBps: 5000 })).toBe(498);
  });

  it("never goes negative on an over-refund", () => {
    expect(commissionMinor({ baseMinor: 999, refundedBaseMinor: 5000, rateBps: 5000 })).toBe(0);
  });

  it("rejects floats, negatives and rates outside [0, 10000]", () => {
    expect(() => commissionMinor({ baseMinor: 9.99, refundedBaseMinor: 0, rateBps: 5000 })).toThrow(RangeError);
    expect(() => commissionMinor({ baseMinor: -1, refundedBaseMinor: 0, rateBps: 5000 })).toThrow(RangeError);
    expect(() => commissionMinor({ baseMinor: 1, refundedBaseMinor: -1, rateBps: 5000 })).toThrow(RangeError);
    expect(() => commissionMinor({ baseMinor: 1, refundedBaseMinor: 0, rateBps: 10001 })).toThrow(RangeError);
    expect(() => commissionMinor({ baseMinor: 1, refundedBaseMinor: 0, rateBps: 50.5 })).toThrow(RangeError);
  });
});

describe("refunds on 999 at 50% (M-05)", () => {
  const gross = 999;
  const base = 999;
  const rateBps = 5000;
  const after = (refundedGross: number): number =>
    commissionOnRemaining({
      baseMinor: base,
      refunded: refundedBaseFraction({
        baseMinor: base,
        grossMinor: gross,
        reportedBaseMinor: 0,
        proratedGrossMinor: refundedGross,
      }),
      rateBps,
    });

  it("333 + 333 + 333 reverses 167 + 167 + 166 and leaves exactly 0", () => {
    const steps = [0, 333, 666, 999].map(after);
    expect(steps).toEqual([500, 333, 166, 0]);
    const reversals = steps.slice(1).map((c, i) => (steps[i] ?? 0) - c);
    expect(reversals).toEqual([167, 167, 166]);
  });

  it("equals round(rate × remaining) at every step, reported or prorated", () => {
    for (const refunded of [0, 333, 666, 999]) {
      const direct = commissionMinor({ baseMinor: base, refundedBaseMinor: refunded, rateBps });
      expect(after(refunded)).toBe(direct);
    }
  });

  it("a base in another currency is prorated exactly and rounded once", () => {
    // Sale 999 EUR paid out as 1000 USD; a third of the sale refunded. Remaining base is
    // 1000 × 666/999 = 666.67, × 50% = 333.33 → 333. Rounding the refunded base first (333) would
    // leave 667 → 333.5 → 334: the second rounding is what the rule forbids.
    const refunded = refundedBaseFraction({ baseMinor: 1000, grossMinor: 999, reportedBaseMinor: 0, proratedGrossMinor: 333 });
    expect(commissionOnRemaining({ baseMinor: 1000, refunded, rateBps })).toBe(333);
    expect(roundFraction(refunded)).toBe(333);
    expect(commissionMinor({ baseMinor: 1000, refundedBaseMinor: 333, rateBps })).toBe(334);
  });

  it("mixes reported and prorated refunds in one fraction", () => {
    // 100 of base reported, plus 1000 × 333/999 prorated: 433.33 refunded, 566.67 left → 283.33 → 283.
    const refunded = refundedBaseFraction({ baseMinor: 1000, grossMinor: 999, reportedBaseMinor: 100, proratedGrossMinor: 333 });
    expect(commissionOnRemaining({ baseMinor: 1000, refunded, rateBps })).toBe(283);
  });
});

describe("refunded base share of a refund reported only in the sale currency, rounded once", () => {
  it.each([
    [999, 999, 333, 333],
    [1085, 999, 333, 362],
    [1000, 3, 1, 333],
    [1000, 3, 2, 667],
    [1000, 1000, 5000, 1000], // capped at the base
    [1000, 0, 10, 0], // nothing to prorate on a zero-total sale
  ])("base %d, gross %d, refunded %d → %d", (base, gross, refunded, expected) => {
    const fraction = refundedBaseFraction({ baseMinor: base, grossMinor: gross, reportedBaseMinor: 0, proratedGrossMinor: refunded });
    expect(roundFraction(fraction)).toBe(expected);
  });
});

describe("single rounding", () => {
  it("commission never exceeds the original and a full refund leaves 0", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: 0, max: 20_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (base, gross, refundedGross, rateBps) => {
          const original = commissionMinor({ baseMinor: base, refundedBaseMinor: 0, rateBps });
          const refunded = refundedBaseFraction({ baseMinor: base, grossMinor: gross, reportedBaseMinor: 0, proratedGrossMinor: refundedGross });
          const now = commissionOnRemaining({ baseMinor: base, refunded, rateBps });
          expect(now).toBeGreaterThanOrEqual(0);
          expect(now).toBeLessThanOrEqual(original);
          if (refundedGross >= gross) expect(now).toBe(0);
        },
      ),
    );
  });
});
