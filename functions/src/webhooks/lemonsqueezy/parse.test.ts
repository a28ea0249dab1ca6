import { describe, expect, it } from "vitest";
import { PayloadError } from "../payload-error.js";
import { readFixtureJson } from "../../../../tests/support/fixtures.js";
import { signLemonSqueezy } from "../../../../scripts/lib/webhook-signatures.js";
import { parseLemonSqueezyEvent } from "./parse.js";
import { verifyLemonSqueezySignature } from "./verify.js";

type Json = Record<string, unknown>;
const ORDER = readFixtureJson("vendor/lemonsqueezy/order.after-partial-refund.docs-api-example.json") as Json;

/** The docs' order object wrapped in the webhook envelope Lemon Squeezy sends. */
function envelope(eventName: string, options: { meta?: Json; attributes?: Json } = {}): string {
  const data = structuredClone(ORDER);
  Object.assign(data.attributes as Json, options.attributes ?? {});
  return JSON.stringify({ meta: { event_name: eventName, ...options.meta }, data });
}

describe("parseLemonSqueezyEvent: order_created", () => {
  it("maps the docs order to a sale with the USD subtotal as base", () => {
    const event = parseLemonSqueezyEvent(envelope("order_created", { meta: { custom_data: { aff: " a-1 " }, test_mode: false } }));
    expect(event).toEqual({
      platform: "lemonsqueezy",
      kind: "sale",
      eventKey: expect.stringMatching(/^[0-9a-f]{64}$/),
      eventType: "order_created",
      occurredAt: "2021-08-17T09:45:53.000000Z",
      orderId: "1",
      test: false,
      sale: {
        soldAt: "2021-08-17T09:45:53.000000Z",
        currency: "USD",
        grossMinor: 1199, // $11.99 paid
        taxMinor: 200, // $2.00 VAT
        feeMinor: null, // Lemon Squeezy reports no fee
        baseCurrency: "USD",
        baseMinor: 999, // $9.99 = subtotal_usd − discount_total_usd
        productId: "1",
        productName: "Test Limited License for 2 years",
        customerId: "1",
        customerEmail: "[email protected]",
        customerName: "John Doe",
        affiliate: { value: "a-1", field: "meta.custom_data.aff" },
        subscription: null,
        discount: null,
      },
    });
  });

  it("bases a discounted EUR order on USD amounts", () => {
    const body = envelope("order_created", {
      attributes: { currency: "EUR", subtotal: 2000, total: 1900, tax: 300, subtotal_usd: 2170, discount_total_usd: 434 },
    });
    expect(parseLemonSqueezyEvent(body)).toMatchObject({
      sale: { currency: "EUR", grossMinor: 1900, taxMinor: 300, baseCurrency: "USD", baseMinor: 1736 },
    });
  });

  it("marks a discounted order as having a discount whose code only the API can tell", () => {
    const discounted = parseLemonSqueezyEvent(envelope("order_created", { attributes: { discount_total: 300, discount_total_usd: 300 } }));
    expect(discounted).toMatchObject({ sale: { discount: { code: null, platformId: null } } });
    expect(parseLemonSqueezyEvent(envelope("order_created"))).toMatchObject({ sale: { discount: null } });
  });

  it("keeps API-passed numeric ids and prefers affiliateId", () => {
    const event = parseLemonSqueezyEvent(envelope("order_created", { meta: { custom_data: { ref: "r", affiliateId: 123 } } }));
    expect(event).toMatchObject({ sale: { affiliate: { value: "123", field: "meta.custom_data.affiliateId" } } });
    const none = parseLemonSqueezyEvent(envelope("order_created", { meta: { custom_data: null } }));
    expect(none).toMatchObject({ sale: { affiliate: { value: null, field: null } } });
  });

  it.each([
    [{ test_mode: true }, {}],
    [{}, { test_mode: true }],
  ])("marks test orders (meta %j, attributes %j) (W-18)", (meta, attributes) => {
    expect(parseLemonSqueezyEvent(envelope("order_created", { meta, attributes }))).toMatchObject({ kind: "sale", test: true });
  });

  it.each(["failed", "fraudulent"])("ignores an order whose status is %s", (status) => {
    expect(parseLemonSqueezyEvent(envelope("order_created", { attributes: { status } }))).toMatchObject({ kind: "ignored" });
  });
});

describe("parseLemonSqueezyEvent: order_refunded", () => {
  it("maps the cumulative refunded amount with no base (prorated later)", () => {
    const event = parseLemonSqueezyEvent(envelope("order_refunded", { meta: { test_mode: false } }));
    expect(event).toEqual({
      platform: "lemonsqueezy",
      kind: "refund",
      eventKey: "5b44d3c1d21adedce703a64ab050e8704d13372623821d3dd5965a52777e2ddb", // sha256("order_refunded|1|2021-08-17T09:45:53.000000Z|100")
      eventType: "order_refunded",
      occurredAt: "2021-08-17T09:45:53.000000Z",
      orderId: "1",
      test: false,
      refund: { refundId: "cumulative", mode: "cumulative", at: "2021-08-17T09:45:53.000000Z", grossMinor: 100, baseMinor: null, full: false, currency: "USD", baseCurrency: null },
    });
  });

  it("uses refunded_at when present", () => {
    const event = parseLemonSqueezyEvent(envelope("order_refunded", { attributes: { refunded_at: "2021-09-01T00:00:00.000000Z" } }));
    expect(event.kind === "refund" && event.refund.at).toBe("2021-09-01T00:00:00.000000Z");
  });
});

describe("parseLemonSqueezyEvent: event keys (W-12, W-21)", () => {
  const keyOf = (body: string): string => parseLemonSqueezyEvent(body).eventKey;

  it("gives a redelivery the same key", () => {
    expect(keyOf(envelope("order_refunded"))).toBe(keyOf(envelope("order_refunded")));
  });

  it("gives a second partial refund a new key even when updated_at did not change", () => {
    const first = keyOf(envelope("order_refunded", { attributes: { refunded_amount: 300 } }));
    const second = keyOf(envelope("order_refunded", { attributes: { refunded_amount: 700 } }));
    expect(first).not.toBe(second);
  });

  it("separates events by name, order and update time", () => {
    const keys = new Set([
      keyOf(envelope("order_created")),
      keyOf(envelope("order_refunded")),
      keyOf(JSON.stringify({ meta: { event_name: "order_refunded" }, data: { ...ORDER, id: "2" } })),
      keyOf(envelope("order_refunded", { attributes: { updated_at: "2021-08-18T00:00:00.000000Z" } })),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe("parseLemonSqueezyEvent: malformed and other input", () => {
  it.each([
    ["not JSON", "{"],
    ["no meta", JSON.stringify({ data: ORDER })],
    ["no event name", JSON.stringify({ meta: {}, data: ORDER })],
    ["no data id", JSON.stringify({ meta: { event_name: "order_created" }, data: { attributes: ORDER.attributes } })],
    ["no updated_at", envelope("subscription_created", { attributes: { updated_at: undefined } })],
    ["a string amount", envelope("order_created", { attributes: { total: "1199" } })],
    ["a fractional amount", envelope("order_created", { attributes: { total: 11.99 } })],
    ["a negative amount", envelope("order_refunded", { attributes: { refunded_amount: -100 } })],
    ["an unknown currency", envelope("order_created", { attributes: { currency: "usd" } })],
    ["a discount above the subtotal", envelope("order_created", { attributes: { discount_total_usd: 1000 } })],
  ])("throws PayloadError for %s", (_name, body) => {
    expect(() => parseLemonSqueezyEvent(body)).toThrow(PayloadError);
  });

  it("names the offending field", () => {
    expect(() => parseLemonSqueezyEvent(envelope("order_created", { attributes: { total: "1199" } }))).toThrow(/total/);
  });

  it("ignores events it does not use, keyed all the same (W-17)", () => {
    const event = parseLemonSqueezyEvent(envelope("license_key_created"));
    expect(event).toMatchObject({ kind: "ignored", eventType: "license_key_created", eventKey: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  it("round-trips a signed order through verify and parse", () => {
    const body = envelope("order_created", { meta: { custom_data: { affiliateId: "aff_3" } } });
    const signature = signLemonSqueezy(body, "whsec-ls");
    expect(verifyLemonSqueezySignature(Buffer.from(body), signature, ["whsec-ls"])).toEqual({ ok: true });
    expect(parseLemonSqueezyEvent(Buffer.from(body))).toMatchObject({ sale: { affiliate: { value: "aff_3" } } });
  });
});

describe("parseLemonSqueezyEvent: subscriptions", () => {
  /** A subscription invoice in the shape of the API's subscription-invoices object. */
  const invoice = (eventName: string, attributes: Json = {}, meta: Json = {}) =>
    JSON.stringify({
      meta: { event_name: eventName, ...meta },
      data: {
        type: "subscription-invoices",
        id: "9001",
        attributes: {
          store_id: 1,
          subscription_id: 77,
          customer_id: 5,
          user_name: "Ana",
          user_email: "ana@example.com",
          billing_reason: "renewal",
          currency: "EUR",
          currency_rate: "1.08",
          status: "paid",
          refunded: false,
          refunded_at: null,
          subtotal: 1000,
          discount_total: 0,
          tax: 190,
          total: 1190,
          refunded_amount: 0,
          subtotal_usd: 1080,
          discount_total_usd: 0,
          tax_usd: 205,
          total_usd: 1285,
          created_at: "2026-03-01T10:00:00.000000Z",
          updated_at: "2026-03-01T10:00:05.000000Z",
          test_mode: false,
          ...attributes,
        },
      },
    });

  it("reads a renewal invoice as a later payment of its subscription, kept under the invoice's own order id", () => {
    expect(parseLemonSqueezyEvent(invoice("subscription_payment_success", {}, { custom_data: { affiliateId: "aff_1" } }))).toMatchObject({
      kind: "sale",
      orderId: "invoice-9001",
      test: false,
      sale: {
        soldAt: "2026-03-01T10:00:00.000000Z",
        currency: "EUR",
        grossMinor: 1190,
        taxMinor: 190,
        baseCurrency: "USD",
        baseMinor: 1080,
        productName: null,
        customerEmail: "ana@example.com",
        affiliate: { value: "aff_1", field: "meta.custom_data.affiliateId" },
        subscription: { id: "77", first: false },
      },
    });
    expect(parseLemonSqueezyEvent(invoice("subscription_payment_success", { billing_reason: "updated" }))).toMatchObject({ kind: "sale", sale: { subscription: { first: false } } });
  });

  it("leaves the initial invoice to its order_created, and unpaid invoices out", () => {
    expect(parseLemonSqueezyEvent(invoice("subscription_payment_success", { billing_reason: "initial" }))).toMatchObject({ kind: "ignored" });
    expect(parseLemonSqueezyEvent(invoice("subscription_payment_success", { status: "void" }))).toMatchObject({ kind: "ignored", reason: "invoice status is void" });
    // Read later (a sync), a refunded invoice was still paid once: the payment counts, its refund apart.
    for (const status of ["refunded", "partial_refund"]) {
      expect(parseLemonSqueezyEvent(invoice("subscription_payment_success", { status, refunded_amount: 500 }))).toMatchObject({ kind: "sale", orderId: "invoice-9001" });
    }
    expect(parseLemonSqueezyEvent(invoice("subscription_payment_refunded", { billing_reason: "initial", refunded_amount: 1190 }))).toMatchObject({ kind: "ignored" });
  });

  it("reads a refunded invoice as the cumulative refund of that payment", () => {
    expect(parseLemonSqueezyEvent(invoice("subscription_payment_refunded", { status: "refunded", refunded_amount: 500, refunded_at: "2026-03-05T00:00:00Z" }))).toMatchObject({
      kind: "refund",
      orderId: "invoice-9001",
      refund: { mode: "cumulative", grossMinor: 500, at: "2026-03-05T00:00:00Z", currency: "EUR" },
    });
  });

  it("reads subscription_created as the link from the subscription to its first order", () => {
    const body = JSON.stringify({
      meta: { event_name: "subscription_created", custom_data: { affiliateId: "aff_2" }, test_mode: true },
      data: { type: "subscriptions", id: "77", attributes: { order_id: 1234, product_id: 8, product_name: "Membership", created_at: "2026-02-01T10:00:00Z", updated_at: "2026-02-01T10:00:01Z" } },
    });
    expect(parseLemonSqueezyEvent(body)).toMatchObject({
      kind: "subscription",
      test: true,
      start: { subscriptionId: "77", firstOrderId: "1234", startedAt: "2026-02-01T10:00:00Z", productId: "8", productName: "Membership", affiliate: { value: "aff_2" } },
    });
  });
});
