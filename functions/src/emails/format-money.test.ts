import { describe, expect, it } from "vitest";
import { formatDate, formatMoney, minorToDecimalString } from "./format-money.js";

// Intl puts a no-break space between an ISO code and the number.
const NBSP = "\u00a0";

describe("minorToDecimalString", () => {
  it.each([
    [4850, 2, "48.50"],
    [5, 2, "0.05"],
    [0, 2, "0.00"],
    [-5, 3, "-0.005"],
    [-4850, 2, "-48.50"],
    [750, 0, "750"],
    [1234, 3, "1.234"],
    [Number.MAX_SAFE_INTEGER, 2, "90071992547409.91"],
  ])("%d with exponent %d -> %s", (minor, exponent, expected) => {
    expect(minorToDecimalString(minor, exponent)).toBe(expected);
  });

  it("rejects non-integers and unsafe integers", () => {
    expect(() => minorToDecimalString(48.5, 2)).toThrow(RangeError);
    expect(() => minorToDecimalString(2 ** 53, 2)).toThrow(RangeError);
  });
});

describe("formatMoney", () => {
  it.each([
    [4850, "USD", "$48.50"],
    [750, "JPY", "¥750"],
    [1234, "KWD", `KWD${NBSP}1.234`],
    [123456789, "USD", "$1,234,567.89"],
    [-1000, "USD", "-$10.00"],
    [0, "EUR", "€0.00"],
    [4850, "usd", "$48.50"],
    // Intl alone would print these three with no decimals (its cash digits); the table says two.
    [123456, "HUF", `HUF${NBSP}1,234.56`],
    [123456, "COP", `COP${NBSP}1,234.56`],
    [123456, "IDR", `IDR${NBSP}1,234.56`],
    [123456, "RUB", `RUB${NBSP}1,234.56`],
  ])("%d %s -> %s", (minor, currency, expected) => {
    expect(formatMoney(minor, currency)).toBe(expected);
  });

  it("keeps every digit of amounts a float could not hold", () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, "USD")).toBe("$90,071,992,547,409.91");
  });

  it("uses the locale for symbol placement and separators", () => {
    expect(formatMoney(123456, "EUR", "de-DE")).toBe(`1.234,56${NBSP}€`);
  });

  it("rejects something that is not a currency code", () => {
    expect(() => formatMoney(100, "dollars")).toThrow(RangeError);
    expect(() => formatMoney(100, "XYZ")).toThrow(RangeError);
  });
});

describe("formatDate", () => {
  it("formats a day and a timestamp as the UTC day", () => {
    expect(formatDate("2026-03-05")).toBe("March 5, 2026");
    expect(formatDate("2026-03-05T23:30:00-05:00")).toBe("March 6, 2026");
  });

  it("rejects garbage", () => {
    expect(() => formatDate("soon")).toThrow(RangeError);
  });
});
