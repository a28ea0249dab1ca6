import { describe, expect, it } from "vitest";
import { CURRENCY_CODES, currencyExponent } from "../../../../contracts/currency.js";
import { PayloadError } from "../payload-error.js";
import { isoMinorFromStripe, stripeExponent } from "./amounts.js";

// Stripe's currency guide: the zero-decimal list and the special cases.
const STRIPE_ZERO_DECIMAL = ["BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];
const STRIPE_THREE_DECIMAL = ["BHD", "JOD", "KWD", "OMR", "TND"];

describe("Stripe amounts in ISO minor units", () => {
  it.each(STRIPE_ZERO_DECIMAL)("%s is zero-decimal for Stripe", (code) => {
    expect(stripeExponent(code)).toBe(0);
  });

  it.each(STRIPE_THREE_DECIMAL)("%s has three decimals for Stripe and ISO alike", (code) => {
    expect(stripeExponent(code)).toBe(3);
    expect(isoMinorFromStripe("amount", 5120, code)).toBe(5120);
  });

  it("takes JPY, KRW and UGX as they come (zero-decimal on both sides)", () => {
    expect(isoMinorFromStripe("amount", 500, "JPY")).toBe(500);
    expect(isoMinorFromStripe("amount", 15000, "KRW")).toBe(15000);
    expect(isoMinorFromStripe("amount", 37000, "UGX")).toBe(37000);
  });

  it("keeps HUF and TWD charges in two decimals (Stripe is zero-decimal for their payouts only)", () => {
    expect(isoMinorFromStripe("amount", 1_000_050, "HUF")).toBe(1_000_050);
    expect(isoMinorFromStripe("amount", 99_950, "TWD")).toBe(99_950);
    expect(currencyExponent("HUF")).toBe(2);
  });

  it("turns Stripe's ISK hundredths into whole krónur, and refuses a fraction", () => {
    expect(isoMinorFromStripe("amount", 500_000, "ISK")).toBe(5000);
    expect(() => isoMinorFromStripe("data.object.amount_total", 500_050, "ISK")).toThrow(PayloadError);
    expect(() => isoMinorFromStripe("data.object.amount_total", 500_050, "ISK")).toThrow(/data\.object\.amount_total.*ISK/);
  });

  it("turns Stripe's whole ariary into ISO's two decimals", () => {
    expect(isoMinorFromStripe("amount", 5000, "MGA")).toBe(500_000);
    expect(() => isoMinorFromStripe("amount", Number.MAX_SAFE_INTEGER, "MGA")).toThrow(PayloadError);
  });

  it("leaves every other currency of the table as ISO counts it", () => {
    const others = CURRENCY_CODES.filter((code) => code !== "ISK" && code !== "MGA");
    for (const code of others) expect(stripeExponent(code), code).toBe(currencyExponent(code));
  });
});
