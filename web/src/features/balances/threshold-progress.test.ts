import { describe, expect, it } from "vitest";
import { thresholdProgress } from "./threshold-progress";

describe("thresholdProgress", () => {
  it.each([
    [0, 5000, { percent: 0, remainingMinor: 5000, reached: false }],
    [2500, 5000, { percent: 50, remainingMinor: 2500, reached: false }],
    [4999, 5000, { percent: 99, remainingMinor: 1, reached: false }],
    [5000, 5000, { percent: 100, remainingMinor: 0, reached: true }],
    [12_000, 5000, { percent: 100, remainingMinor: 0, reached: true }],
    [-300, 5000, { percent: 0, remainingMinor: 5000, reached: false }],
    [1, 0, { percent: 100, remainingMinor: 0, reached: true }],
    [0, 0, { percent: 0, remainingMinor: 0, reached: false }],
  ])("%i of %i", (payable, threshold, expected) => {
    expect(thresholdProgress(payable, threshold)).toEqual(expected);
  });

  it("stays exact for amounts beyond float precision", () => {
    expect(thresholdProgress(Number.MAX_SAFE_INTEGER - 1, Number.MAX_SAFE_INTEGER).percent).toBe(99);
  });
});
