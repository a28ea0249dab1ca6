import { describe, expect, it } from "vitest";
import { stripeBuilders } from "../../../../scripts/lib/stripe-events.js";
import { readFixtureJson } from "../../../../tests/support/fixtures.js";
import { PayloadError } from "../payload-error.js";
import { identify } from "../receipt.js";
import { SUBTOTAL_BASE } from "./net.js";
import { parseStripeEvent } from "./parse.js";

const secret = "whsec_unit";
const { stripeChargeRefunded, stripeCheckoutSession, stripeDispute, stripeEvent, stripeInvoicePaid } = stripeBuilders({
  fixture: (name) => readFixtureJson(`vendor/stripe/${name}`) as Record<string, unknown>,
  secret: () => secret,
});
const AT = "2026-11-20T10:00:00.000Z";
const OPENED = "2026-11-20T09:55:00.000Z";
const parse = (request: { body: string }) => parseStripeEvent(request.body);
type Json = Record<string, unknown>;

describe("checkout sessions", () => {
  it("a paid one-off session is a sale of its PaymentIntent, attributed by client_reference_id", () => {
    const request = stripeCheckoutSession({
      secret,
      eventId: "evt_1",
      at: AT,
      createdAt: OPENED,
      sessionId: "cs_1",
      paymentIntentId: "pi_1",
      clientReferenceId: "ada-lovelace",
      metadata: { affiliateId: "someone-else" },
      amountTotal: 11_900,
      amountTax: 1_900,
      amountDiscount: 1_000,
      promotionCode: "promo_1",
      coupon: "SPRING",
      paymentLink: "plink_1",
    });
    expect(parse(request)).toEqual({
      platform: "stripe",
      eventKey: "evt_1",
      eventType: "checkout.session.completed",
      occurredAt: AT,
      kind: "sale",
      orderId: "pi_1",
      test: false,
      sale: {
        soldAt: AT,
        currency: "USD",
        grossMinor: 11_900,
        taxMinor: 1_900,
        feeMinor: null,
        baseCurrency: "USD",
        baseMinor: 10_000,
        baseNote: SUBTOTAL_BASE,
        productId: "plink_1",
        productName: null,
        customerId: "cus_demo_stripe",
        customerEmail: "stripe.student@example.com",
        customerName: "Stripe Student",
        affiliate: { value: "ada-lovelace", field: "data.object.client_reference_id" },
        subscription: null,
        discount: { code: null, platformId: "promo_1" },
      },
    });
  });

  it("falls back to metadata.affiliateId, then to nothing", () => {
    const byMetadata = parse(stripeCheckoutSession({ secret, eventId: "evt_2", sessionId: "cs_2", clientReferenceId: "  ", metadata: { affiliateId: "grace" }, amountTotal: 500 }));
    expect(byMetadata).toMatchObject({ sale: { affiliate: { value: "grace", field: "data.object.metadata.affiliateId" } } });
    const none = parse(stripeCheckoutSession({ secret, eventId: "evt_3", sessionId: "cs_3", amountTotal: 500, coupon: "SPRING" }));
    expect(none).toMatchObject({ sale: { affiliate: { value: null, field: null }, discount: { code: null, platformId: "SPRING" } } });
  });

  it("a subscription session is the sale of its first invoice, dated when checkout opened", () => {
    const request = stripeCheckoutSession({ secret, eventId: "evt_4", at: AT, createdAt: OPENED, sessionId: "cs_4", subscription: { invoiceId: "in_1", subscriptionId: "sub_1" }, clientReferenceId: "ada", amountTotal: 2_900 });
    expect(parse(request)).toMatchObject({ kind: "sale", orderId: "in_1", sale: { soldAt: OPENED, subscription: { id: "sub_1", first: true }, affiliate: { value: "ada" } } });
  });

  it("an unpaid completion waits for the asynchronous payment; its success is the sale, its failure nothing", () => {
    const base = { secret, sessionId: "cs_5", paymentIntentId: "pi_5", clientReferenceId: "ada", amountTotal: 4_000 };
    expect(parse(stripeCheckoutSession({ ...base, eventId: "evt_5a", paymentStatus: "unpaid" }))).toMatchObject({ kind: "ignored", reason: expect.stringMatching(/async_payment_succeeded/) });
    expect(parse(stripeCheckoutSession({ ...base, eventId: "evt_5b", type: "checkout.session.async_payment_succeeded" }))).toMatchObject({ kind: "sale", orderId: "pi_5", eventType: "checkout.session.async_payment_succeeded" });
    expect(parse(stripeCheckoutSession({ ...base, eventId: "evt_5c", paymentStatus: "unpaid", type: "checkout.session.async_payment_failed" }))).toMatchObject({ kind: "ignored" });
  });

  it("a free or trial checkout is not a sale", () => {
    expect(parse(stripeCheckoutSession({ secret, eventId: "evt_6", sessionId: "cs_6", amountTotal: 0, paymentStatus: "no_payment_required" }))).toMatchObject({ kind: "ignored", reason: expect.stringMatching(/zero-value/) });
  });

  it("livemode false is a test sale", () => {
    expect(parse(stripeCheckoutSession({ secret, eventId: "evt_7", sessionId: "cs_7", amountTotal: 500, livemode: false }))).toMatchObject({ kind: "sale", test: true });
  });

  it("reads the OpenAPI fixture's session once it is paid", () => {
    const session = { ...(readFixtureJson("vendor/stripe/checkout.session.object.openapi-fixture.json") as Json), payment_status: "paid", currency: "eur", amount_total: 5_000, total_details: { amount_tax: 800, amount_discount: 0, amount_shipping: 0 } };
    expect(parse(stripeEvent("checkout.session.completed", session, { secret, eventId: "evt_fx" }))).toMatchObject({ kind: "sale", orderId: "pi_1PgafyB7WZ01zgkWSjxsAJo3", sale: { currency: "EUR", baseMinor: 4_200, customerEmail: "example@example.com" }, test: false });
  });

  it.each([
    ["JPY", 5_000, 5_000],
    ["KRW", 15_000, 15_000],
    ["HUF", 1_000_000, 1_000_000],
    ["TWD", 99_900, 99_900],
    ["UGX", 37_000, 37_000],
    ["ISK", 700_000, 7_000],
    ["MGA", 20_000, 2_000_000],
    ["KWD", 5_120, 5_120],
  ])("%s: Stripe's %i is %i in ISO minor units", (currency, stripe, iso) => {
    const sale = parse(stripeCheckoutSession({ secret, eventId: `evt_${currency}`, sessionId: `cs_${currency}`, currency, amountTotal: stripe }));
    expect(sale).toMatchObject({ kind: "sale", sale: { currency, grossMinor: iso, baseMinor: iso, baseCurrency: currency } });
  });

  it("refuses fractional króna and currencies the table lacks, naming the field", () => {
    expect(() => parse(stripeCheckoutSession({ secret, eventId: "evt_isk", sessionId: "cs_isk", currency: "ISK", amountTotal: 700_050 }))).toThrow(/amount_total.*ISK/);
    expect(() => parse(stripeCheckoutSession({ secret, eventId: "evt_xts", sessionId: "cs_xts", currency: "XTS", amountTotal: 100 }))).toThrow(/currency: unknown currency code/);
  });
});

describe("invoice.paid", () => {
  it("a renewal is a later payment of its subscription, attributed by the subscription's metadata", () => {
    const request = stripeInvoicePaid({ secret, eventId: "evt_i1", at: AT, invoiceId: "in_2", subscriptionId: "sub_1", billingReason: "subscription_cycle", amountPaid: 3_480, tax: 580, subscriptionMetadata: { affiliateId: "ada" } });
    expect(parse(request)).toMatchObject({
      kind: "sale",
      orderId: "in_2",
      sale: { soldAt: AT, grossMinor: 3_480, taxMinor: 580, baseMinor: 2_900, subscription: { id: "sub_1", first: false }, affiliate: { value: "ada", field: "data.object.parent.subscription_details.metadata.affiliateId" }, discount: null },
    });
  });

  it("reads the shape before API version 2025-03-31", () => {
    const request = stripeInvoicePaid({ secret, eventId: "evt_i2", invoiceId: "in_3", subscriptionId: "sub_1", billingReason: "subscription_create", amountPaid: 3_480, tax: 580, legacy: true, subscriptionMetadata: { aff: "ada" } });
    expect(parse(request)).toMatchObject({ kind: "sale", orderId: "in_3", sale: { baseMinor: 2_900, subscription: { id: "sub_1", first: true }, affiliate: { value: "ada", field: "data.object.subscription_details.metadata.aff" } } });
  });

  it("leaves a subscription's first invoice that names nobody to its Checkout Session", () => {
    const request = stripeInvoicePaid({ secret, eventId: "evt_i5", invoiceId: "in_6", subscriptionId: "sub_2", billingReason: "subscription_create", amountPaid: 3_480 });
    expect(parse(request)).toMatchObject({ kind: "ignored", reason: expect.stringMatching(/Checkout Session records the sale/) });
    const renewal = stripeInvoicePaid({ secret, eventId: "evt_i6", invoiceId: "in_7", subscriptionId: "sub_2", billingReason: "subscription_update", amountPaid: 1_000 });
    expect(parse(renewal)).toMatchObject({ kind: "sale", sale: { subscription: { id: "sub_2", first: false }, affiliate: { value: null } } });
  });

  it("ignores invoices outside subscriptions and zero-value ones", () => {
    expect(parse(stripeInvoicePaid({ secret, eventId: "evt_i3", invoiceId: "in_4", subscriptionId: null, billingReason: "manual", amountPaid: 500 }))).toMatchObject({ kind: "ignored" });
    expect(parse(stripeInvoicePaid({ secret, eventId: "evt_i4", invoiceId: "in_5", subscriptionId: "sub_1", billingReason: "subscription_cycle", amountPaid: 0 }))).toMatchObject({ kind: "ignored" });
  });
});

describe("refunds and disputes", () => {
  it("charge.refunded is the cumulative amount refunded on the payment's order", () => {
    const partial = parse(stripeChargeRefunded({ secret, eventId: "evt_r1", at: AT, chargeId: "ch_1", paymentIntentId: "pi_1", amount: 11_900, amountRefunded: 4_000 }));
    expect(partial).toMatchObject({ kind: "refund", orderId: "pi_1", refund: { mode: "cumulative", grossMinor: 4_000, baseMinor: null, full: false, currency: "USD", at: AT } });
    const full = parse(stripeChargeRefunded({ secret, eventId: "evt_r2", chargeId: "ch_1", paymentIntentId: "pi_1", amount: 11_900, amountRefunded: 11_900 }));
    expect(full).toMatchObject({ kind: "refund", refund: { grossMinor: 11_900, full: true } });
  });

  it("a charge of an invoice refunds the invoice's order where the charge names it", () => {
    expect(parse(stripeChargeRefunded({ secret, eventId: "evt_r3", chargeId: "ch_2", paymentIntentId: "pi_2", invoiceId: "in_2", amount: 3_480, amountRefunded: 3_480 }))).toMatchObject({ orderId: "in_2" });
  });

  it("a dispute opened takes the commission back; closed won restores it, lost keeps it", () => {
    const base = { secret, disputeId: "dp_1", chargeId: "ch_1", paymentIntentId: "pi_1", amount: 11_900, createdAt: OPENED };
    expect(parse(stripeDispute("charge.dispute.created", { ...base, eventId: "evt_d1", status: "needs_response" }))).toMatchObject({ kind: "chargeback", orderId: "pi_1", chargeback: { chargebackId: "dp_1:opened", state: "open", at: OPENED } });
    expect(parse(stripeDispute("charge.dispute.closed", { ...base, eventId: "evt_d2", at: AT, status: "won" }))).toMatchObject({ chargeback: { chargebackId: "dp_1:closed", state: "reversed", at: AT } });
    expect(parse(stripeDispute("charge.dispute.closed", { ...base, eventId: "evt_d3", at: AT, status: "lost" }))).toMatchObject({ chargeback: { chargebackId: "dp_1:closed", state: "open" } });
  });

  it("inquiries move no money", () => {
    const base = { secret, disputeId: "dp_2", chargeId: "ch_1", paymentIntentId: "pi_1", amount: 11_900 };
    expect(parse(stripeDispute("charge.dispute.created", { ...base, eventId: "evt_d4", status: "warning_needs_response" }))).toMatchObject({ kind: "ignored" });
    expect(parse(stripeDispute("charge.dispute.closed", { ...base, eventId: "evt_d5", status: "warning_closed" }))).toMatchObject({ kind: "ignored" });
  });

  it("charge.dispute.updated opens a dispute only when an inquiry escalates, as the same fact as created", () => {
    const base = { secret, disputeId: "dp_3", chargeId: "ch_1", paymentIntentId: "pi_1", amount: 11_900, createdAt: OPENED };
    const created = parse(stripeDispute("charge.dispute.created", { ...base, eventId: "evt_u0", status: "needs_response" }));
    const escalated = parse(stripeDispute("charge.dispute.updated", { ...base, eventId: "evt_u1", at: AT, status: "needs_response" }));
    expect(escalated).toMatchObject({ kind: "chargeback", orderId: "pi_1", chargeback: { chargebackId: "dp_3:opened", state: "open", at: OPENED } });
    expect(escalated.kind === "chargeback" && created.kind === "chargeback" ? escalated.chargeback : null).toEqual(created.kind === "chargeback" ? created.chargeback : undefined);
    for (const status of ["warning_needs_response", "warning_under_review", "won", "lost"] as const) {
      expect(parse(stripeDispute("charge.dispute.updated", { ...base, eventId: `evt_u_${status}`, status })), status).toMatchObject({ kind: "ignored" });
    }
  });

  it("a dispute on a charge without PaymentIntent names the charge", () => {
    const fixture = readFixtureJson("vendor/stripe/dispute.object.openapi-fixture.json") as Json;
    expect(parse(stripeEvent("charge.dispute.created", { ...fixture, status: "needs_response" }, { secret, eventId: "evt_d6" }))).toMatchObject({ orderId: "ch_1PgafuB7WZ01zgkWXYmPNZs8" });
  });
});

describe("the envelope", () => {
  it("other event types are stored and ignored", () => {
    const plan = readFixtureJson("vendor/stripe/event.envelope.openapi-fixture.json") as Json;
    expect(parseStripeEvent(JSON.stringify(plan))).toEqual({ platform: "stripe", kind: "ignored", eventKey: "evt_1Pgc76B7WZ01zgkWwyRHS12y", eventType: "plan.created", occurredAt: "2009-02-13T23:31:30.000Z", reason: "event plan.created is not used" });
  });

  it("is keyed by the event id even when the object does not parse", () => {
    const broken = stripeEvent("charge.refunded", { id: "ch_x" }, { secret, eventId: "evt_broken" });
    expect(() => parse(broken)).toThrow(PayloadError);
    expect(identify("stripe", Buffer.from(broken.body))).toEqual({ eventKey: "evt_broken", eventType: "charge.refunded" });
  });
});
