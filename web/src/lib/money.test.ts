import { describe, expect, it } from "vitest";
import { formatMoney, fractionDigits, minorToDecimal } from "./money";

describe("fractionDigits", () => {
  it.each([
    ["USD", 2],
    ["eur", 2],
    ["JPY", 0],
    ["KRW", 0],
    ["BHD", 3],
    ["HUF", 2],
    ["COP", 2],
    ["IDR", 2],
    ["XX1", 2],
  ])("%s has %i", (currency, digits) => {
    expect(fractionDigits(currency)).toBe(digits);
  });
});

describe("minorToDecimal", () => {
  it.each([
    [123456, 2, "1234.56"],
    [5, 2, "0.05"],
    [-5, 2, "-0.05"],
    [-123456, 2, "-1234.56"],
    [0, 2, "0.00"],
    [-0, 2, "0.00"],
    [100, 2, "1.00"],
    [7, 0, "7"],
    [-7, 0, "-7"],
    [1234, 3, "1.234"],
    [Number.MAX_SAFE_INTEGER, 2, "90071992547409.91"],
  ])("%i with %i digits is %s", (minor, digits, expected) => {
    expect(minorToDecimal(minor, digits)).toBe(expected);
  });

  it("refuses fractional or unsafe amounts", () => {
    expect(() => minorToDecimal(1.5, 2)).toThrow(RangeError);
    expect(() => minorToDecimal(Number.MAX_SAFE_INTEGER + 2, 2)).toThrow(RangeError);
    expect(() => minorToDecimal(Number.NaN, 2)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it("formats with the currency's own digits", () => {
    expect(formatMoney(123456, "USD", "en-US")).toBe("$1,234.56");
    expect(formatMoney(-500, "USD", "en-US")).toBe("-$5.00");
    expect(formatMoney(1234, "JPY", "en-US")).toBe("¥1,234");
    expect(formatMoney(1234, "BHD", "en-US")).toBe("BHD\u00a01.234");
    expect(formatMoney(123456, "EUR", "de-DE")).toBe("1.234,56\u00a0€");
  });

  it("takes the decimals from the shared table, not from Intl (which gives HUF, COP and IDR none)", () => {
    for (const code of ["HUF", "COP", "IDR"]) expect(formatMoney(123456, code, "en-US")).toBe(`${code}\u00a01,234.56`);
  });

  it("keeps every digit of amounts a float would round", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "USD", "en-US")).toBe("$90,071,992,547,409.91");
    expect(formatMoney(30, "USD", "en-US")).toBe("$0.30");
  });

  it("falls back to the plain decimal for a code Intl rejects", () => {
    expect(formatMoney(1050, "US", "en-US")).toBe("10.50 US");
  });
});
