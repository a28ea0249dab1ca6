import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MoneyFormatError, parseMajorToMinor, parseMinorString } from "./decimal.js";

describe("parseMajorToMinor", () => {
  it.each([
    // M-02: the float route gives 1998 with floor.
    ["19.99", "USD", 1999],
    ["0.29", "USD", 29], // 0.29 * 100 = 28.999999999999996
    ["568.82", "USD", 56882],
    ["966.81", "EUR", 96681],
    ["1", "USD", 100],
    ["1.5", "USD", 150],
    ["0.00", "USD", 0],
    ["007.10", "GBP", 710],
    // M-03: zero- and three-decimal currencies.
    ["1499", "JPY", 1499],
    ["1499.00", "JPY", 1499],
    ["1.234", "KWD", 1234],
    ["0.5", "BHD", 500],
    ["12345.67", "HUF", 1234567],
    ["19.990", "USD", 1999],
    ["90071992547409.91", "USD", 9007199254740991],
  ])("%s %s → %i", (value, currency, minor) => {
    expect(parseMajorToMinor(value, currency)).toBe(minor);
  });

  it.each([
    "", " 1.00", "1.00 ", "1,00", "1.", ".5", "+1", "1e3", "0x10", "1.2.3", "--1", "abc", "NaN", "Infinity", "١٢",
  ])("rejects garbage %j", (value) => {
    expect(() => parseMajorToMinor(value, "USD")).toThrow(MoneyFormatError);
  });

  it.each([
    ["19.999", "USD"],
    ["1.001", "USD"],
    ["1499.5", "JPY"],
    ["1.2345", "KWD"],
  ])("rejects %s %s: more precision than the currency has", (value, currency) => {
    expect(() => parseMajorToMinor(value, currency)).toThrow(/decimal places/);
  });

  it("rejects negatives unless allowed", () => {
    expect(() => parseMajorToMinor("-1.50", "USD")).toThrow(/Negative/);
    expect(parseMajorToMinor("-1.50", "USD", { allowNegative: true })).toBe(-150);
    expect(Object.is(parseMajorToMinor("-0.00", "USD"), 0)).toBe(true);
  });

  it("rejects amounts beyond safe integers", () => {
    expect(() => parseMajorToMinor("90071992547409.92", "USD")).toThrow(/safe integer/);
    expect(() => parseMajorToMinor("99999999999999999999", "JPY")).toThrow(/safe integer/);
    expect(() => parseMajorToMinor("1".repeat(40), "USD")).toThrow(MoneyFormatError);
  });

  it("rejects unknown currencies", () => {
    expect(() => parseMajorToMinor("1.00", "ABC")).toThrow(RangeError);
  });

  it("agrees with exact integer arithmetic on every 2-decimal amount (M-10)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), (minor) => {
        const text = `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
        return parseMajorToMinor(text, "USD") === minor;
      }),
    );
  });
});

describe("parseMinorString", () => {
  it.each([
    ["65215", 65215],
    ["0", 0],
    ["9007199254740991", 9007199254740991],
  ])("%s → %i", (value, minor) => {
    expect(parseMinorString(value)).toBe(minor);
  });

  it.each(["", "1.00", "1e3", " 1", "+1", "abc", "9007199254740992"])("rejects %j", (value) => {
    expect(() => parseMinorString(value)).toThrow(MoneyFormatError);
  });

  it("rejects negatives unless allowed", () => {
    expect(() => parseMinorString("-87")).toThrow(/Negative/);
    expect(parseMinorString("-87", { allowNegative: true })).toBe(-87);
  });
});
