import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { roundHalfEvenDiv } from "./rounding.js";

describe("roundHalfEvenDiv", () => {
  it.each([
    [5n, 2n, 2n],
    [7n, 2n, 4n],
    [3n, 2n, 2n],
    [1n, 2n, 0n],
    [-1n, 2n, 0n],
    [-3n, 2n, -2n],
    [-5n, 2n, -2n],
    [-7n, 2n, -4n],
    [5n, -2n, -2n],
    [-5n, -2n, 2n],
    [10n, 3n, 3n],
    [11n, 3n, 4n],
    [-10n, 3n, -3n],
    [-11n, 3n, -4n],
    [0n, 7n, 0n],
    [4995000n, 10000n, 500n], // 999 × 50%
    [5005000n, 10000n, 500n], // 1001 × 50%
    [7495000n, 10000n, 750n], // JPY 1499 × 50%
  ])("%d / %d = %d", (n, d, expected) => {
    expect(roundHalfEvenDiv(n, d)).toBe(expected);
  });

  it("throws on a zero denominator", () => {
    expect(() => roundHalfEvenDiv(1n, 0n)).toThrow(RangeError);
  });

  it("is within one half of the exact quotient and odd-symmetric", () => {
    fc.assert(
      fc.property(fc.bigInt(-(10n ** 30n), 10n ** 30n), fc.bigInt(1n, 10n ** 12n), (n, d) => {
        const q = roundHalfEvenDiv(n, d);
        const err = 2n * (n - q * d); // 2 × (exact − rounded) × d
        expect(err <= d && err >= -d).toBe(true);
        if (err === d || err === -d) expect(q % 2n).toBe(0n);
        expect(roundHalfEvenDiv(-n, d)).toBe(-q);
        expect(roundHalfEvenDiv(n, -d)).toBe(-q);
      }),
    );
  });
});
