import { describe, expect, it } from "vitest";
import { CURRENCY_CODES, currencyExponent, isCurrency } from "./currency.js";

// The platforms' own lists, as their documentation gives them.
/** Paddle Billing `currency_code` (API reference, OpenAPI `currency_code` enum): what a customer pays in. */
const PADDLE_BILLING =
  "USD EUR GBP JPY AUD CAD CHF HKD SGD SEK ARS BRL CNY COP CZK DKK HUF ILS INR KRW MXN NOK NZD PLN RUB THB TRY TWD UAH VND ZAR";
/** Paddle Billing `currency_code-payout`: what `payout_totals` (the commission base) is in. */
const PADDLE_PAYOUT = "AUD CAD CHF CNY CZK DKK EUR GBP HUF PLN SEK USD ZAR";
/** Stripe's supported presentment currencies (docs.stripe.com/currencies). */
const STRIPE =
  "USD AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BWP BYN BZD CAD CDF CHF CLP " +
  "CNY COP CRC CVE CZK DJF DKK DOP DZD EGP ETB EUR FJD FKP GBP GEL GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR ISK " +
  "JMD JOD JPY KES KGS KHR KMF KRW KWD KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD MMK MNT MOP MUR MVR MWK MXN MYR MZN " +
  "NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SEK SGD SHP SLE SLL SOS SRD " +
  "STD SZL THB TJS TND TOP TRY TTD TWD TZS UAH UGX UYU UZS VND VUV WST XAF XCD XCG XOF XPF YER ZAR ZMW";

describe("the currency table", () => {
  it.each([
    ["Paddle Billing", PADDLE_BILLING],
    ["Paddle payouts", PADDLE_PAYOUT],
    ["Stripe", STRIPE],
  ])("knows every currency %s lists", (_platform, list) => {
    expect(list.split(" ").filter((code) => !isCurrency(code))).toEqual([]);
  });

  it.each([
    ["USD", 2], ["EUR", 2], ["GBP", 2], ["RUB", 2], ["HUF", 2], ["COP", 2], ["IDR", 2], ["TWD", 2], ["MGA", 2],
    ["JPY", 0], ["KRW", 0], ["VND", 0], ["CLP", 0], ["ISK", 0], ["UGX", 0], ["XOF", 0],
    ["KWD", 3], ["BHD", 3], ["JOD", 3], ["OMR", 3], ["TND", 3], ["IQD", 3], ["CLF", 4],
  ])("%s has ISO 4217's %i decimals", (code, exponent) => {
    expect(currencyExponent(code)).toBe(exponent);
  });

  it("differs from Intl where Intl follows cash digits, which is why the portal never asks Intl", () => {
    for (const code of ["HUF", "COP", "IDR"]) {
      const intl = new Intl.NumberFormat("en-US", { style: "currency", currency: code }).resolvedOptions().maximumFractionDigits;
      expect({ code, intl }).toEqual({ code, intl: 0 });
      expect(currencyExponent(code)).toBe(2);
    }
  });

  it("lists each code once, upper case", () => {
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    expect(CURRENCY_CODES.every((code) => /^[A-Z]{3}$/.test(code))).toBe(true);
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
  });

  it.each(["usd", "US", "USDX", "", "XXX", "XTS", "XAU", "toString", "__proto__", " USD"])("rejects %j", (code) => {
    expect(() => currencyExponent(code)).toThrow(RangeError);
    expect(isCurrency(code)).toBe(false);
  });
});
