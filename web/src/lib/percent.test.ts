import { describe, expect, it } from "vitest";
import { parsePercent, percentText } from "./percent";

describe("percent inputs", () => {
  it.each([
    ["40", 4000],
    ["12.5", 1250],
    ["12.55", 1255],
    [" 7 % ", 700],
    ["0", 0],
    ["100", 10_000],
    ["", null],
  ] as const)("reads %j as %j basis points", (text, bps) => {
    expect(parsePercent(text)).toBe(bps);
  });
  it.each(["100.01", "101", "-1", "1.234", "abc", "1,5", "."])("refuses %j", (text) => {
    expect(parsePercent(text)).toBe("bad");
  });
  it("writes basis points back as the percent typed", () => {
    expect([4000, 1250, 1255, 0, 10_000, 5].map(percentText)).toEqual(["40", "12.5", "12.55", "0", "100", "0.05"]);
    expect(percentText(null)).toBe("");
  });
});
