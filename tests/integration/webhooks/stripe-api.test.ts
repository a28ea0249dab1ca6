// Stripe with STRIPE_API_KEY set (the emulators' demo key), through the real endpoint, against the
// stand-in API (tests/support/stripe-api.ts) answering in Stripe's shapes: the commission base is
// the seller's net from the balance transaction (in the settlement currency), a 429 and a 5xx are
// retried, an API that stays down keeps the event failed until it is delivered again, a
// subscription's refund or dispute that names only its PaymentIntent reaches the invoice's order,
// and a promotion code credits the affiliate whose code it is.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import { stripeChargeRefunded, stripeCheckoutSession, stripeDispute, stripeInvoicePaid } from "../../../scripts/lib/stripe-webhooks";
import { createAffiliate, uniqueId } from "../../support/emulator";
import { resetStripeApi, stripeApi } from "../../support/stripe-api";
import { startVendorApi, type VendorApi } from "../../support/vendor-api";
import { call, ownerIdToken } from "../owner/helpers";
import { deliver, eventRefOf, ledgerSum, orderRef, send, settled } from "./support";

let api: VendorApi;
let owner = "";
beforeAll(async () => {
  api = await startVendorApi();
  owner = (await ownerIdToken()).idToken;
});
afterEach(() => {
  resetStripeApi();
  api.failures.length = 0;
});
afterAll(async () => {
  await api.close();
});

const bt = (amount: number, fee: number, currency = "usd", exchangeRate: number | null = null) => ({ id: uniqueId("txn"), amount, fee, net: amount - fee, currency, exchange_rate: exchangeRate });

/** A one-off Checkout sale of 119.00 with 19.00 tax whose charge settled as `balance`. */
function oneOff(affiliateId: string | null, balance: ReturnType<typeof bt> | null, currency = "usd") {
  const pi = uniqueId("pi_api");
  const charge = uniqueId("ch_api");
  stripeApi.paymentIntents.set(pi, { currency, amount: 11_900, charge, balanceTransaction: balance });
  const sale = stripeCheckoutSession({ eventId: uniqueId("evt_api"), sessionId: uniqueId("cs_api"), paymentIntentId: pi, currency, amountTotal: 11_900, amountTax: 1_900, clientReferenceId: affiliateId });
  return { pi, charge, sale, orderKey: orderKeyOf("stripe", pi) };
}

describe("the commission base is the seller's net from the balance transaction", () => {
  it("USD: 119.00 − 4.00 Stripe fee − 19.00 tax = 96.00, at 50%; a partial refund takes back its share", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const balance = bt(11_900, 400);
    const s = oneOff(affiliate.id, balance);
    await deliver(s.sale, "applied");
    const { order } = await settled(s.orderKey);
    expect(order).toMatchObject({ currency: "USD", grossMinor: 11_900, taxMinor: 1_900, feeMinor: 400, baseCurrency: "USD", commissionMinor: 4_800, commissionCurrency: "USD" });
    expect(order.facts.sale?.baseNote).toBe(`balance transaction ${balance.id} (Stripe): net after Stripe's fee, less tax and shipping, in USD`);
    const requests = api.log.filter((l) => l.url.startsWith("/stripe/"));
    expect(requests.map((l) => decodeURIComponent(l.url))).toEqual([`/stripe/v1/payment_intents/${s.pi}?expand[]=latest_charge.balance_transaction`]);

    await deliver(stripeChargeRefunded({ eventId: uniqueId("evt_rf"), chargeId: s.charge, paymentIntentId: s.pi, amount: 11_900, amountRefunded: 5_950 }), "applied");
    // Half the gross refunded: half the base, so half the commission.
    expect((await settled(s.orderKey)).order).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 5_950, refundedBaseMinor: 4_800, commissionMinor: 2_400 });
  });

  it("a EUR charge settled in USD: the base and the commission are in USD, tax converted by the charge's own rate", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    // 119.00 EUR at 1.08 = 128.52 USD, 4.02 fee; the 19.00 EUR tax is 20.52 USD: 128.52 − 4.02 − 20.52 = 103.98.
    const s = oneOff(affiliate.id, bt(12_852, 402, "usd", 1.08), "eur");
    await deliver(s.sale, "applied");
    const { order } = await settled(s.orderKey);
    expect(order).toMatchObject({ currency: "EUR", grossMinor: 11_900, feeMinor: 402, baseCurrency: "USD", commissionCurrency: "USD", commissionMinor: 5_199 });
    expect(await ledgerSum(affiliate.id)).toMatchObject({ "USD.earnedMinor": 5_199, "USD.sales": 1 });
  });

  it("a renewal's net comes through the invoice's payment; an unknown PaymentIntent keeps the subtotal, saying so", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const invoice = uniqueId("in_api");
    const pi = uniqueId("pi_ren");
    stripeApi.invoicePayments.push({ invoice, subscription: uniqueId("sub"), paymentIntent: pi, amount: 2_900, currency: "usd" });
    stripeApi.paymentIntents.set(pi, { currency: "usd", amount: 2_900, charge: uniqueId("ch"), balanceTransaction: bt(2_900, 114) });
    await deliver(stripeInvoicePaid({ eventId: uniqueId("evt_ren"), invoiceId: invoice, subscriptionId: uniqueId("sub"), billingReason: "subscription_cycle", amountPaid: 2_900, subscriptionMetadata: { affiliateId: affiliate.id } }), "applied");
    expect((await settled(orderKeyOf("stripe", invoice))).order).toMatchObject({ feeMinor: 114, commissionMinor: 1_393 });

    const unknown = stripeCheckoutSession({ eventId: uniqueId("evt_unk"), sessionId: uniqueId("cs_unk"), paymentIntentId: uniqueId("pi_unk"), amountTotal: 11_900, amountTax: 1_900, clientReferenceId: affiliate.id });
    await deliver(unknown, "applied");
    const { order } = await settled(orderKeyOf("stripe", String((JSON.parse(unknown.body) as { data: { object: { payment_intent: string } } }).data.object.payment_intent)));
    expect(order).toMatchObject({ feeMinor: null, commissionMinor: 5_000 });
    expect(order.facts.sale?.baseNote).toMatch(/^subtotal after discounts, before tax/);
  });
});

describe("an API that is busy or down", () => {
  it("a 429 with Retry-After and a 503 are retried within the delivery", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id, bt(11_900, 400));
    const path = new RegExp(`^/stripe/v1/payment_intents/${s.pi}`);
    api.failures.push({ match: path, status: 429, times: 1, retryAfter: "1" }, { match: path, status: 503, times: 1 });
    await deliver(s.sale, "applied");
    expect(api.log.filter((l) => path.test(l.url)).map((l) => l.status)).toEqual([429, 503, 200]);
    expect((await settled(s.orderKey)).order).toMatchObject({ commissionMinor: 4_800 });
  });

  it("an API still failing after the retries: 500 and the event kept failed; the owner's replay applies it, Stripe's next delivery is a duplicate", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id, bt(11_900, 400));
    api.failures.push({ match: new RegExp(`^/stripe/v1/payment_intents/${s.pi}`), status: 500, times: 5 });
    const reply = await send(s.sale);
    expect(reply.status).toBe(500);
    const stored = await eventRefOf(s.sale).get();
    expect(stored.get("status")).toBe("failed");
    expect(String(stored.get("error"))).toMatch(/500 from \/stripe\/v1\/payment_intents.*api_error/);
    expect((await orderRef(s.orderKey).get()).exists).toBe(false);
    const replayed = await call("replayWebhookEvent", { eventId: stored.id }, owner);
    expect(replayed).toMatchObject({ status: 200, data: { outcome: "applied" } });
    expect((await settled(s.orderKey)).order).toMatchObject({ commissionMinor: 4_800, feeMinor: 400 });
    await deliver(s.sale, "duplicate");
  }, 90_000);
});

describe("subscription refunds and disputes that name only the PaymentIntent (API ≥ 2025-03-31)", () => {
  function renewal(affiliateId: string) {
    const invoice = uniqueId("in_sr");
    const pi = uniqueId("pi_sr");
    const charge = uniqueId("ch_sr");
    stripeApi.invoicePayments.push({ invoice, subscription: uniqueId("sub"), paymentIntent: pi, amount: 2_900, currency: "usd" });
    const paid = stripeInvoicePaid({ eventId: uniqueId("evt_sr"), invoiceId: invoice, subscriptionId: uniqueId("sub"), billingReason: "subscription_cycle", amountPaid: 2_900, subscriptionMetadata: { affiliateId } });
    return { invoice, pi, charge, paid, orderKey: orderKeyOf("stripe", invoice) };
  }

  it("a refund, before or after its payment, lands on the invoice's order; nothing waits on the PaymentIntent", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    for (const arrival of ["paid-first", "refund-first"] as const) {
      const r = renewal(affiliate.id);
      const refund = stripeChargeRefunded({ eventId: uniqueId("evt_srf"), chargeId: r.charge, paymentIntentId: r.pi, amount: 2_900, amountRefunded: 2_900 });
      for (const step of arrival === "paid-first" ? [r.paid, refund] : [refund, r.paid]) await deliver(step, "applied");
      expect((await settled(r.orderKey)).order, arrival).toMatchObject({ status: "refunded", commissionMinor: 0, originalCommissionMinor: 1_450 });
      expect((await orderRef(orderKeyOf("stripe", r.pi)).get()).exists, arrival).toBe(false);
    }
  }, 90_000);

  it("a dispute opened and lost takes the commission back on the invoice's order", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const r = renewal(affiliate.id);
    const dp = uniqueId("dp_sr");
    await deliver(r.paid, "applied");
    await deliver(stripeDispute("charge.dispute.created", { eventId: uniqueId("evt_d1"), disputeId: dp, chargeId: r.charge, paymentIntentId: r.pi, status: "needs_response", amount: 2_900 }), "applied");
    await deliver(stripeDispute("charge.dispute.closed", { eventId: uniqueId("evt_d2"), disputeId: dp, chargeId: r.charge, paymentIntentId: r.pi, status: "lost", amount: 2_900 }), "applied");
    expect((await settled(r.orderKey)).order).toMatchObject({ status: "chargeback", commissionMinor: 0 });
  });

  it("a one-off payment whose invoice has no subscription keeps its PaymentIntent order", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id, bt(11_900, 400));
    stripeApi.invoicePayments.push({ invoice: uniqueId("in_once"), subscription: null, paymentIntent: s.pi, amount: 11_900, currency: "usd" });
    await deliver(s.sale, "applied");
    await deliver(stripeChargeRefunded({ eventId: uniqueId("evt_once"), chargeId: s.charge, paymentIntentId: s.pi, amount: 11_900, amountRefunded: 11_900 }), "applied");
    expect((await settled(s.orderKey)).order).toMatchObject({ status: "refunded", commissionMinor: 0, originalCommissionMinor: 4_800 });
  });
});

describe("promotion codes", () => {
  it("a promotion code named by id credits the affiliate whose code it is, as a code-only sale", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const code = uniqueId("ADA").replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40);
    const saved = await call("updateAffiliate", { affiliateId: affiliate.id, rateBps: null, cookieDays: null, slug: null, discountCode: code, discountIds: { paddle: null }, codeOnlyApproval: false, courseRates: {} }, owner);
    expect(saved).toMatchObject({ status: 200 });
    const promo = uniqueId("promo_api");
    // Stripe keeps the code as the seller typed it; the customer's case does not matter.
    stripeApi.promotionCodes.set(promo, code.toLowerCase());
    const s = oneOff(null, bt(11_900, 400));
    const sale = stripeCheckoutSession({ eventId: uniqueId("evt_pc"), sessionId: uniqueId("cs_pc"), paymentIntentId: s.pi, amountTotal: 11_900, amountTax: 1_900, amountDiscount: 1_000, promotionCode: promo, coupon: "co_demo" });
    await deliver(sale, "applied");
    const { order } = await settled(s.orderKey);
    expect(order.attribution).toMatchObject({ affiliateId: affiliate.id, rule: "discount_code", codeAffiliateId: affiliate.id });
    expect(order.attribution?.discountCode?.toUpperCase()).toBe(code.toUpperCase());
    expect(order).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 4_800 });
    expect(order.facts.sale?.discount).toEqual({ code: code.toLowerCase(), platformId: promo });

    // A promotion code Stripe does not know credits nobody and keeps its id on the receipt.
    const other = oneOff(null, null);
    const unknown = stripeCheckoutSession({ eventId: uniqueId("evt_pu"), sessionId: uniqueId("cs_pu"), paymentIntentId: other.pi, amountTotal: 11_900, amountTax: 1_900, promotionCode: uniqueId("promo_unknown") });
    await deliver(unknown, "applied");
    expect((await settled(other.orderKey)).order).toMatchObject({ affiliateId: null });
  });
});
