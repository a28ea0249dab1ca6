// Stripe through the real endpoint with Stripe-shaped events: sales from Checkout (one-off,
// asynchronous, subscription), renewals (`invoice.paid`), cumulative refunds, disputes won and lost,
// duplicates and every arrival order, and test mode. Each result is compared with what the pure
// modules predict for the same events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import type { ProgramSettings } from "../../../contracts/program-settings";
import type { OrderRecord } from "../../../functions/src/orders/record";
import { stripeChargeRefunded, stripeCheckoutSession, stripeDispute, stripeInvoicePaid } from "../../../scripts/lib/stripe-webhooks";
import type { SignedRequest } from "../../../scripts/lib/webhooks";
import { createAffiliate, uniqueId } from "../../support/emulator";
import { candidateOf, deliver, eventRef, eventRefOf, expectedLedger, expectOrderMatches, ledgerSum, orderRef, parsedOf, permutations, predict, readSettings, settled } from "./support";
import { startVendorApi, type VendorApi } from "../../support/vendor-api";

// STRIPE_API_KEY is set on the emulators: every sale's net is looked up in the stand-in, which
// knows none of these PaymentIntents (404), so the subtotal stays the base (stripe-api.test.ts has the rest).
let vendorApi: VendorApi;
beforeAll(async () => {
  vendorApi = await startVendorApi();
});
afterAll(() => vendorApi.close());

let settings: ProgramSettings;
beforeAll(async () => {
  settings = await readSettings();
});

const T0 = "2026-02-01T10:00:00.000Z";
const at = (day: number): string => `2026-02-${String(day).padStart(2, "0")}T10:00:00.000Z`;

/** A one-off Checkout sale of 119.00 with 19.00 tax (base 100.00), its charge and its refunds. */
function oneOff(affiliateId: string | null, extra: { livemode?: boolean; metadataOnly?: boolean } = {}) {
  const pi = uniqueId("pi_st");
  const charge = uniqueId("ch_st");
  const reference = extra.metadataOnly ? { metadata: { affiliateId: affiliateId ?? "" } } : { clientReferenceId: affiliateId };
  const refund = (eventId: string, amountRefunded: number, day: number): SignedRequest =>
    stripeChargeRefunded({ eventId: uniqueId(eventId), at: at(day), chargeId: charge, paymentIntentId: pi, amount: 11_900, amountRefunded, livemode: extra.livemode });
  return {
    pi,
    charge,
    orderKey: orderKeyOf("stripe", pi),
    sale: stripeCheckoutSession({ eventId: uniqueId("evt_cs"), at: T0, sessionId: uniqueId("cs_st"), paymentIntentId: pi, amountTotal: 11_900, amountTax: 1_900, livemode: extra.livemode, ...reference }),
    partial: refund("evt_rp", 3_000, 2),
    full: refund("evt_rf", 11_900, 3),
  };
}

async function expectPredicted(orderKey: string, requests: readonly SignedRequest[], affiliate: { id: string; email: string } | null): Promise<OrderRecord> {
  const { order } = await settled(orderKey);
  expectOrderMatches(order, predict(orderKey, requests.map(parsedOf), { candidate: affiliate ? candidateOf(affiliate, 5000) : null, settings }));
  return order;
}

describe("one-off Checkout sales", () => {
  it("a paid session credits the affiliate named by client_reference_id: 50% of the total less tax", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id);
    await deliver(s.sale, "applied");
    const order = await expectPredicted(s.orderKey, [s.sale], affiliate);
    expect(order).toMatchObject({ platform: "stripe", orderId: s.pi, status: "paid", affiliateId: affiliate.id, currency: "USD", grossMinor: 11_900, taxMinor: 1_900, feeMinor: null, baseCurrency: "USD", commissionMinor: 5_000, test: false });
    expect(order.facts.sale?.affiliate).toEqual({ value: affiliate.id, field: "data.object.client_reference_id" });
    expect(await ledgerSum(affiliate.id)).toMatchObject({ "USD.earnedMinor": 5_000, "USD.sales": 1 });
  });

  it("metadata.affiliateId on the session credits too", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id, { metadataOnly: true });
    await deliver(s.sale, "applied");
    const order = await expectPredicted(s.orderKey, [s.sale], affiliate);
    expect(order).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 5_000 });
    expect(order.facts.sale?.affiliate.field).toBe("data.object.metadata.affiliateId");
  });

  it("an asynchronous payment: the unpaid completion changes nothing, its success is the sale, a failure nothing", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const pi = uniqueId("pi_async");
    const base = { sessionId: uniqueId("cs_async"), paymentIntentId: pi, clientReferenceId: affiliate.id, amountTotal: 8_000 };
    const pending = stripeCheckoutSession({ ...base, eventId: uniqueId("evt_c"), paymentStatus: "unpaid" });
    await deliver(pending, "ignored");
    expect((await orderRef(orderKeyOf("stripe", pi)).get()).exists).toBe(false);
    const succeeded = stripeCheckoutSession({ ...base, eventId: uniqueId("evt_s"), type: "checkout.session.async_payment_succeeded" });
    await deliver(succeeded, "applied");
    expect(await expectPredicted(orderKeyOf("stripe", pi), [pending, succeeded], affiliate)).toMatchObject({ status: "paid", commissionMinor: 4_000 });

    const failedPi = uniqueId("pi_failed");
    await deliver(stripeCheckoutSession({ ...base, sessionId: uniqueId("cs_failed"), paymentIntentId: failedPi, eventId: uniqueId("evt_f"), paymentStatus: "unpaid", type: "checkout.session.async_payment_failed" }), "ignored");
    expect((await orderRef(orderKeyOf("stripe", failedPi)).get()).exists).toBe(false);
  });

  it("livemode false is recorded as a test order that earns nothing, refunds included", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id, { livemode: false });
    await deliver(s.sale, "applied");
    await deliver(s.partial, "applied");
    const order = await expectPredicted(s.orderKey, [s.sale, s.partial], affiliate);
    expect(order).toMatchObject({ test: true, affiliateId: null, commissionMinor: 0, originalCommissionMinor: 0 });
    expect(order.attribution).toMatchObject({ reason: "test", candidate: affiliate.id });
    expect(await ledgerSum(affiliate.id)).toEqual({});
  });

  it("a redelivered event answers duplicate and is counted once", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id);
    await deliver(s.sale, "applied");
    await deliver(s.partial, "applied");
    await Promise.all([deliver(s.sale, "duplicate"), deliver(s.partial, "duplicate")]);
    const order = await expectPredicted(s.orderKey, [s.sale, s.partial], affiliate);
    // (10000 − 3000 × 100/119 prorated) × 50%: the refund's base share is prorated on the gross.
    expect(order).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 3_000 });
    expect((await eventRefOf(s.sale).get()).get("status")).toBe("processed");
    expect(await ledgerSum(affiliate.id)).toEqual(expectedLedger([predict(s.orderKey, [s.sale, s.partial].map(parsedOf), { candidate: candidateOf(affiliate, 5000), settings }).contribution]));
  });
});

describe("refunds: amount_refunded is cumulative", () => {
  it("every arrival order of sale / partial refund / full refund ends refunded with commission 0, ledger included", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const runs = permutations(["sale", "partial", "full"] as const).map((order) => ({ order, s: oneOff(affiliate.id) }));
    await Promise.all(
      runs.map(async ({ order, s }) => {
        for (const step of order) await deliver(s[step], "applied");
      }),
    );
    const predictions = runs.map(({ s }) => predict(s.orderKey, [s.sale, s.partial, s.full].map(parsedOf), { candidate: candidateOf(affiliate, 5000), settings }));
    for (const [i, { s }] of runs.entries()) {
      const { order } = await settled(s.orderKey);
      const predicted = predictions[i];
      if (!predicted) throw new Error("no prediction");
      expectOrderMatches(order, predicted);
      expect(order).toMatchObject({ status: "refunded", commissionMinor: 0, originalCommissionMinor: 5_000, refundedGrossMinor: 11_900, refundedBaseMinor: 10_000 });
    }
    const ledger = await ledgerSum(affiliate.id);
    expect(ledger).toEqual(expectedLedger(predictions.map((p) => p.contribution)));
    expect(ledger["USD.reversedMinor"]).toBe(6 * 5_000);
    expect(ledger["USD.earnedMinor"]).toBeUndefined();
    // Six orders of three events each: slower than the default 60 s when the machine is busy.
  }, 180_000);

  it("a partial refund alone lowers the commission in proportion; the sale arriving after it is netted", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id);
    await deliver(s.partial, "applied");
    expect((await settled(s.orderKey)).order).toMatchObject({ status: "awaiting_sale", commissionMinor: 0 });
    await deliver(s.sale, "applied");
    const order = await expectPredicted(s.orderKey, [s.partial, s.sale], affiliate);
    // The refund's base share is prorated on the gross: 5000 × (1 − 3000/11900) = 3739.49… → 3739.
    expect(order).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 3_000, commissionMinor: 3_739 });
  });
});

describe("disputes", () => {
  const disputeOf = (s: ReturnType<typeof oneOff>, type: Parameters<typeof stripeDispute>[0], status: Parameters<typeof stripeDispute>[1]["status"], dp: string, day: number) =>
    stripeDispute(type, { eventId: uniqueId("evt_dp"), at: at(day), createdAt: at(2), disputeId: dp, chargeId: s.charge, paymentIntentId: s.pi, status, amount: 11_900 });

  it.each(["created-first", "closed-first"] as const)("won (%s): the commission comes back; the ledger nets to the sale", async (arrival) => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id);
    const dp = uniqueId("dp_won");
    const opened = disputeOf(s, "charge.dispute.created", "needs_response", dp, 2);
    const won = disputeOf(s, "charge.dispute.closed", "won", dp, 9);
    await deliver(s.sale, "applied");
    if (arrival === "created-first") {
      await deliver(opened, "applied");
      expect((await settled(s.orderKey)).order).toMatchObject({ status: "chargeback", commissionMinor: 0 });
      await deliver(won, "applied");
    } else {
      await deliver(won, "applied");
      await deliver(opened, "applied");
    }
    const order = await expectPredicted(s.orderKey, [s.sale, opened, won], affiliate);
    expect(order).toMatchObject({ status: "paid", commissionMinor: 5_000 });
    const ledger = await ledgerSum(affiliate.id);
    expect(ledger["USD.earnedMinor"]).toBe(5_000);
    expect(ledger["USD.reversedMinor"]).toBeUndefined();
  });

  it("lost: the commission stays taken back, whichever event arrives first", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    for (const arrival of permutations(["sale", "opened", "lost"] as const)) {
      const s = oneOff(affiliate.id);
      const dp = uniqueId("dp_lost");
      const steps = { sale: s.sale, opened: disputeOf(s, "charge.dispute.created", "needs_response", dp, 2), lost: disputeOf(s, "charge.dispute.closed", "lost", dp, 9) };
      for (const step of arrival) await deliver(steps[step], "applied");
      const order = await expectPredicted(s.orderKey, [steps.sale, steps.opened, steps.lost], affiliate);
      expect(order, arrival.join(" → ")).toMatchObject({ status: "chargeback", commissionMinor: 0, originalCommissionMinor: 5_000 });
    }
    const ledger = await ledgerSum(affiliate.id);
    expect(ledger["USD.reversedMinor"]).toBe(6 * 5_000);
    expect(ledger["USD.earnedMinor"]).toBeUndefined();
    // Six orders of three events each: slower than the default 60 s when the machine is busy.
  }, 180_000);

  it("an inquiry that escalates (charge.dispute.updated) takes the commission back, lost keeps it; a redundant update counts once", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id);
    const dp = uniqueId("dp_esc");
    const inquiry = disputeOf(s, "charge.dispute.created", "warning_needs_response", dp, 2);
    const escalated = disputeOf(s, "charge.dispute.updated", "needs_response", dp, 4);
    const reviewing = disputeOf(s, "charge.dispute.updated", "under_review", dp, 5);
    const lost = disputeOf(s, "charge.dispute.closed", "lost", dp, 9);
    await deliver(s.sale, "applied");
    await deliver(inquiry, "ignored");
    expect((await settled(s.orderKey)).order).toMatchObject({ status: "paid", commissionMinor: 5_000 });
    await deliver(escalated, "applied");
    await deliver(reviewing, "applied");
    expect((await settled(s.orderKey)).order).toMatchObject({ status: "chargeback", commissionMinor: 0 });
    await deliver(lost, "applied");
    const order = await expectPredicted(s.orderKey, [s.sale, inquiry, escalated, reviewing, lost], affiliate);
    expect(order).toMatchObject({ status: "chargeback", commissionMinor: 0, originalCommissionMinor: 5_000 });
    expect(Object.keys(order.facts.chargebacks).sort()).toEqual([`${dp}:closed`, `${dp}:opened`]);
  });

  it("an inquiry (warning_needs_response) moves nothing", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = oneOff(affiliate.id);
    await deliver(s.sale, "applied");
    await deliver(stripeDispute("charge.dispute.created", { eventId: uniqueId("evt_inq"), disputeId: uniqueId("dp_inq"), chargeId: s.charge, paymentIntentId: s.pi, status: "warning_needs_response", amount: 11_900 }), "ignored");
    expect((await settled(s.orderKey)).order).toMatchObject({ status: "paid", commissionMinor: 5_000 });
  });
});

describe("subscriptions", () => {
  it("the subscription's Checkout Session and its first invoice are one sale, in either order, credited by client_reference_id", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const cases = [
      { arrival: "session-first", metadata: undefined },
      { arrival: "invoice-first", metadata: undefined },
      { arrival: "session-first", metadata: { affiliateId: affiliate.id } },
      { arrival: "invoice-first", metadata: { affiliateId: affiliate.id } },
    ] as const;
    for (const { arrival, metadata } of cases) {
      const invoice = uniqueId("in_first");
      const sub = uniqueId("sub");
      const session = stripeCheckoutSession({ eventId: uniqueId("evt_cs"), at: at(1), createdAt: "2026-02-01T09:58:00.000Z", sessionId: uniqueId("cs_sub"), subscription: { invoiceId: invoice, subscriptionId: sub }, clientReferenceId: affiliate.id, amountTotal: 2_900 });
      const paid = stripeInvoicePaid({ eventId: uniqueId("evt_ip"), at: "2026-02-01T09:59:30.000Z", invoiceId: invoice, subscriptionId: sub, billingReason: "subscription_create", amountPaid: 2_900, subscriptionMetadata: metadata });
      // The first invoice names nobody unless the subscription's metadata does: then the session records the sale alone.
      const steps = arrival === "session-first" ? [session, paid] : [paid, session];
      for (const step of steps) await deliver(step, step === paid && metadata === undefined ? "ignored" : "applied");
      const order = await expectPredicted(orderKeyOf("stripe", invoice), steps, affiliate);
      expect(order, arrival).toMatchObject({ affiliateId: affiliate.id, grossMinor: 2_900, commissionMinor: 1_450, saleAt: expect.stringMatching(/^2026-02-01T09:58:00/) });
      expect(order.facts.sale?.subscription).toEqual({ id: sub, first: true });
    }
    expect(await ledgerSum(affiliate.id)).toMatchObject({ "USD.earnedMinor": 4 * 1_450, "USD.sales": 4 });
  });

  it("a renewal (invoice.paid, subscription_cycle) is its own order, marked a later payment, credited through the subscription's metadata", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const sub = uniqueId("sub");
    const renewal = stripeInvoicePaid({ eventId: uniqueId("evt_ren"), invoiceId: uniqueId("in_ren"), subscriptionId: sub, billingReason: "subscription_cycle", amountPaid: 3_480, tax: 580, subscriptionMetadata: { affiliateId: affiliate.id } });
    await deliver(renewal, "applied");
    const orderKey = orderKeyOf("stripe", (parsedOf(renewal) as { orderId: string }).orderId);
    const order = await expectPredicted(orderKey, [renewal], affiliate);
    expect(order).toMatchObject({ affiliateId: affiliate.id, grossMinor: 3_480, taxMinor: 580, commissionMinor: 1_450 });
    expect(order.facts.sale?.subscription).toEqual({ id: sub, first: false });
    await deliver(renewal, "duplicate");
  });

  it("a refund of a subscription charge lands on its invoice's order where the charge names the invoice", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const invoice = uniqueId("in_ref");
    const paid = stripeInvoicePaid({ eventId: uniqueId("evt_ip"), invoiceId: invoice, subscriptionId: uniqueId("sub"), billingReason: "subscription_cycle", amountPaid: 2_900, subscriptionMetadata: { affiliateId: affiliate.id }, legacy: true });
    const refund = stripeChargeRefunded({ eventId: uniqueId("evt_rr"), chargeId: uniqueId("ch"), paymentIntentId: uniqueId("pi"), invoiceId: invoice, amount: 2_900, amountRefunded: 2_900 });
    await deliver(refund, "applied");
    await deliver(paid, "applied");
    const order = await expectPredicted(orderKeyOf("stripe", invoice), [paid, refund], affiliate);
    expect(order).toMatchObject({ status: "refunded", commissionMinor: 0, originalCommissionMinor: 1_450 });
  });
});

describe("zero-decimal and special-case currencies through the endpoint", () => {
  it.each([
    ["jpy", 12_000, 12_000, 6_000],
    ["isk", 1_500_000, 15_000, 7_500],
    ["huf", 1_990_000, 1_990_000, 995_000],
  ])("%s: Stripe's %i is stored as %i ISO minor units, commission %i", async (currency, stripeAmount, iso, commission) => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const pi = uniqueId("pi_cur");
    const sale = stripeCheckoutSession({ eventId: uniqueId("evt_cur"), sessionId: uniqueId("cs_cur"), paymentIntentId: pi, currency, clientReferenceId: affiliate.id, amountTotal: stripeAmount });
    await deliver(sale, "applied");
    const order = await expectPredicted(orderKeyOf("stripe", pi), [sale], affiliate);
    expect(order).toMatchObject({ currency: currency.toUpperCase(), grossMinor: iso, commissionMinor: commission, commissionCurrency: currency.toUpperCase() });
  });

  it("fractional króna is kept as a failed event with the reason, answered 200", async () => {
    const sale = stripeCheckoutSession({ eventId: uniqueId("evt_isk"), sessionId: uniqueId("cs_isk"), currency: "isk", amountTotal: 1_500_050 });
    const reply = await deliver(sale, "failed");
    expect(reply.json?.error).toMatch(/amount_total.*ISK/);
    const stored = await eventRef("stripe", (JSON.parse(sale.body) as { id: string }).id).get();
    expect(stored.get("status")).toBe("failed");
  });
});
