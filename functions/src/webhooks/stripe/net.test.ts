import { describe, expect, test } from "vitest";
import type { ParsedEvent, SaleFacts } from "../../domain/types.js";
import { withStripeFacts } from "./enrich.js";
import { baseFromBalance } from "./net.js";
import { parseStripeEvent } from "./parse.js";

const sale = (over: Partial<SaleFacts>): SaleFacts => ({
  soldAt: "2026-02-01T10:00:00.000Z",
  currency: "EUR",
  grossMinor: 11_900,
  taxMinor: 1_900,
  feeMinor: null,
  baseCurrency: "EUR",
  baseMinor: 10_000,
  productId: null,
  productName: null,
  customerId: null,
  customerEmail: null,
  customerName: null,
  affiliate: { value: null, field: null },
  subscription: null,
  discount: null,
  ...over,
});
const bt = (amount: number, fee: number, currency: string) => ({ id: "txn_1", amount, fee, net: amount - fee, currency });

describe("baseFromBalance", () => {
  test("same currency: net less the tax", () => {
    expect(baseFromBalance(sale({ currency: "USD", baseCurrency: "USD" }), bt(11_900, 400, "USD"))).toMatchObject({ baseCurrency: "USD", baseMinor: 9_600, feeMinor: 400 });
  });

  test("settled in another currency: the tax converted by the charge's own proportion, half-even", () => {
    // 1900 × 12852 / 11900 = 2052 exactly; 1900 × 12853 / 11900 = 2052.16… → 2052.
    expect(baseFromBalance(sale({}), bt(12_852, 402, "USD"))).toMatchObject({ baseCurrency: "USD", baseMinor: 12_450 - 2_052, feeMinor: 402 });
    expect(baseFromBalance(sale({}), bt(12_853, 402, "USD")).baseMinor).toBe(12_451 - 2_052);
  });

  test("Stripe's special cases are read in ISO minor units: ISK settlement in hundredths", () => {
    expect(baseFromBalance(sale({ currency: "ISK", baseCurrency: "ISK", grossMinor: 15_000, taxMinor: 0, baseMinor: 15_000 }), bt(1_500_000, 50_000, "ISK"))).toMatchObject({ baseMinor: 14_500, feeMinor: 500 });
  });

  test("a fee above what is left after tax gives a base of zero, never negative", () => {
    expect(baseFromBalance(sale({ currency: "USD" }), bt(100, 90, "USD")).baseMinor).toBe(0);
  });
});

describe("withStripeFacts without STRIPE_API_KEY", () => {
  test("the event is applied as parsed: subtotal base, promotion code by id, refund on the PaymentIntent", async () => {
    const event: ParsedEvent = { platform: "stripe", eventKey: "evt_1", eventType: "charge.refunded", occurredAt: "2026-02-01T10:00:00.000Z", kind: "refund", orderId: "pi_1", test: false, refund: { refundId: "cumulative", mode: "cumulative", at: "2026-02-01T10:00:00.000Z", grossMinor: 100, baseMinor: null, full: false, currency: "USD", baseCurrency: null } };
    expect(await withStripeFacts(null, event)).toBe(event);
    const body = JSON.stringify({ id: "evt_2", type: "checkout.session.completed", created: 1_760_000_000, livemode: true, data: { object: { id: "cs_1", mode: "payment", payment_status: "paid", created: 1_760_000_000, currency: "usd", amount_total: 11_900, total_details: { amount_tax: 1_900 }, payment_intent: "pi_2", discounts: [{ promotion_code: "promo_1", coupon: "co_1" }] } } });
    const parsed = parseStripeEvent(body);
    const applied = await withStripeFacts(null, parsed);
    expect(applied).toBe(parsed);
    expect(applied).toMatchObject({ sale: { baseMinor: 10_000, feeMinor: null, discount: { code: null, platformId: "promo_1" }, baseNote: expect.stringMatching(/^subtotal after discounts/) } });
  });
});
