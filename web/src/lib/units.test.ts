import { describe, expect, it } from "vitest";
import { CURRENCY_CODES } from "../../../contracts/currency";
import { fractionDigits } from "./money";
import { bpsToPercentText, decimalToInteger, minorToMoneyText, moneyTextToMinor, percentTextToBps } from "./units";

describe("percent", () => {
  it.each([
    ["50", 5000],
    ["12.5", 1250],
    ["12.50", 1250],
    ["0.01", 1],
    [".5", 50],
    ["100", 10_000],
    ["0", 0],
    [" 7.25 % ", 725],
    ["33%", 3300],
  ])("%j is %i basis points", (text, bps) => {
    expect(percentTextToBps(text)).toBe(bps);
  });

  it.each(["", ".", "12.345", "-5", "1e2", "5,5", "abc", "0x10", "12.5.1", "%"])("%j is refused", (text) => {
    expect(percentTextToBps(text)).toBeNull();
  });

  it.each([
    [5000, "50"],
    [1250, "12.5"],
    [1, "0.01"],
    [0, "0"],
    [10_000, "100"],
  ])("%i basis points show as %j", (bps, text) => {
    expect(bpsToPercentText(bps)).toBe(text);
  });

  it("round-trips every rate from 0 to 100% exactly", () => {
    for (let bps = 0; bps <= 10_000; bps++) expect(percentTextToBps(bpsToPercentText(bps))).toBe(bps);
  });
});

describe("money", () => {
  it.each([
    ["50", "USD", 5000],
    ["50.00", "USD", 5000],
    ["0.1", "EUR", 10],
    ["5000", "JPY", 5000],
    ["1.234", "BHD", 1234],
    ["19.99", "HUF", 1999],
  ])("%j %s is %i minor units", (text, currency, minor) => {
    expect(moneyTextToMinor(text, currency)).toBe(minor);
  });

  it.each([
    ["50.001", "USD"],
    ["50.5", "JPY"],
    ["-1", "USD"],
    ["1,000", "USD"],
    ["99999999999999999", "USD"],
    ["", "USD"],
  ])("%j %s is refused", (text, currency) => {
    expect(moneyTextToMinor(text, currency)).toBeNull();
  });

  it("shows amounts in the currency's digits from the one table", () => {
    expect(minorToMoneyText(5000, "USD")).toBe("50.00");
    expect(minorToMoneyText(5000, "JPY")).toBe("5000");
    expect(minorToMoneyText(5, "BHD")).toBe("0.005");
  });

  it("round-trips amounts exactly in every currency, beyond float precision", () => {
    const amounts = [0, 1, 5, 99, 100, 5000, 123_456_789, Number.MAX_SAFE_INTEGER];
    for (const currency of CURRENCY_CODES) {
      for (const minor of amounts) expect(moneyTextToMinor(minorToMoneyText(minor, currency), currency)).toBe(minor);
    }
  });

  it("reads integers without a float step", () => {
    expect(decimalToInteger("90071992547409.91", fractionDigits("USD"))).toBe(9_007_199_254_740_991);
    expect(decimalToInteger("90071992547409.92", 2)).toBeNull();
  });
});
