import { describe, expect, it } from "vitest";
import { currencyExponent, isCurrency } from "./currency.js";

describe("currencyExponent", () => {
  it.each([
    ["USD", 2], ["EUR", 2], ["GBP", 2], ["HUF", 2], ["AUD", 2], ["CAD", 2], ["CHF", 2], ["CNY", 2],
    ["CZK", 2], ["DKK", 2], ["PLN", 2], ["SEK", 2], ["ZAR", 2], ["NOK", 2], ["NZD", 2], ["SGD", 2],
    ["INR", 2], ["BRL", 2], ["MXN", 2], ["JPY", 0], ["KRW", 0], ["KWD", 3], ["BHD", 3],
  ])("%s has %i decimals", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it.each(["usd", "US", "USDX", "", "XXX", "toString", "__proto__", " USD"])("rejects %j", (code) => {
    expect(() => currencyExponent(code)).toThrow(RangeError);
    expect(isCurrency(code)).toBe(false);
  });

  it("accepts known codes in isCurrency", () => {
    expect(isCurrency("JPY")).toBe(true);
  });
});
