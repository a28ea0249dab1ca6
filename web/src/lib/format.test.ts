import { describe, expect, it } from "vitest";
import { formatBps } from "./format";

describe("formatBps", () => {
  it.each([
    [5000, "50%"],
    [1250, "12.5%"],
    [1, "0.01%"],
    [10000, "100%"],
    [0, "0%"],
    [333, "3.33%"],
  ])("%i bps is %s", (bps, text) => {
    expect(formatBps(bps)).toBe(text);
  });
});
