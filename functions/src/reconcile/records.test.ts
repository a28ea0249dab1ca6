import { describe, expect, it } from "vitest";
import { readFixtureJson } from "../../../tests/support/fixtures.js";
import { parseLemonSqueezyEvent } from "../webhooks/lemonsqueezy/parse.js";
import { parsePaddleEvent } from "../webhooks/paddle/parse.js";
import { discountOfRedemptions, invoicePage, invoiceRecord, orderPage, orderRecord, subscriptionRecord } from "./lemonsqueezy-records.js";
import { adjustmentPage, adjustmentRecord, discountIdOfCode, transactionPage, transactionRecord } from "./paddle-records.js";

type Json = Record<string, unknown>;
const WEBHOOK = readFixtureJson("vendor/paddle-billing/transaction.completed.json") as Json & { data: Json };
const ADJUSTMENT = readFixtureJson("vendor/paddle-billing/adjustment.updated.json") as Json & { data: Json };
const ORDER = readFixtureJson("vendor/lemonsqueezy/order.after-partial-refund.docs-api-example.json") as { type: string; id: string; attributes: Json };

describe("Paddle transactions from the API", () => {
  it("become the webhook's sale, timed at billing (never after the webhook's event time)", () => {
    const record = transactionRecord(WEBHOOK.data);
    const body = record?.bodies[0];
    if (!record || !body) throw new Error("no record");
    const synced = parsePaddleEvent(body, { sandbox: false });
    const delivered = parsePaddleEvent(JSON.stringify(WEBHOOK), { sandbox: false });
    if (synced.kind !== "sale" || delivered.kind !== "sale") throw new Error("not sales");
    expect(synced.eventKey).toBe(`sync_${String(WEBHOOK.data["id"])}`);
    expect(synced.sale).toEqual({ ...delivered.sale, soldAt: WEBHOOK.data["billed_at"] });
    expect(Date.parse(synced.sale.soldAt)).toBeLessThanOrEqual(Date.parse(delivered.sale.soldAt));
    expect(record).toMatchObject({ orderId: WEBHOOK.data["id"], updatedAt: WEBHOOK.data["updated_at"] });
  });

  it("skip what is not completed and follow the cursor only while there is more", () => {
    expect(transactionRecord({ ...WEBHOOK.data, status: "billed" })).toBeNull();
    const page = (has_more: boolean) => ({ data: [WEBHOOK.data], meta: { pagination: { per_page: 30, next: "https://api.paddle.com/transactions?after=txn_1", has_more, estimated_total: 2 } } });
    expect(transactionPage(page(true)).next).toBe("https://api.paddle.com/transactions?after=txn_1");
    expect(transactionPage(page(false))).toMatchObject({ next: null, records: [expect.objectContaining({ orderId: WEBHOOK.data["id"] })] });
  });
});

describe("Paddle adjustments from the API", () => {
  it("become the webhook of their current state, with the very facts it carries", () => {
    const approved = { ...ADJUSTMENT.data, status: "approved" };
    const body = adjustmentRecord(approved).bodies[0];
    if (!body) throw new Error("no body");
    const synced = parsePaddleEvent(body, { sandbox: false });
    const delivered = parsePaddleEvent(JSON.stringify({ ...ADJUSTMENT, data: approved }), { sandbox: false });
    if (synced.kind !== "refund" || delivered.kind !== "refund") throw new Error("not refunds");
    expect(synced).toMatchObject({ eventKey: `sync_${String(ADJUSTMENT.data["id"])}`, eventType: "adjustment.updated", orderId: ADJUSTMENT.data["transaction_id"] });
    expect(synced.refund).toEqual(delivered.refund);
    // Still awaiting approval: nothing to record, as for the webhook.
    const pending = adjustmentRecord(ADJUSTMENT.data).bodies[0];
    expect(pending && parsePaddleEvent(pending, { sandbox: false }).kind).toBe("ignored");
  });

  it("follow the cursor until one was created more than the look-back before `from`", () => {
    const page = (createdAt: string) => ({ data: [{ ...ADJUSTMENT.data, created_at: createdAt }], meta: { pagination: { per_page: 200, next: "https://api.paddle.com/adjustments?after=adj_1", has_more: true } } });
    expect(adjustmentPage(page("2026-01-01T00:00:00Z"), "2026-01-10T00:00:00Z").next).toBe("https://api.paddle.com/adjustments?after=adj_1");
    expect(adjustmentPage(page("2025-12-26T00:00:00Z"), "2026-01-10T00:00:00Z").next).toBeNull();
  });
});

describe("Lemon Squeezy orders from the API", () => {
  it("land on the very event keys their webhooks use, sale and refund", () => {
    const record = orderRecord(ORDER);
    expect(record?.bodies).toHaveLength(2);
    const [created, refunded] = (record?.bodies ?? []).map((b) => parseLemonSqueezyEvent(b));
    const webhook = (name: string) => parseLemonSqueezyEvent(JSON.stringify({ meta: { event_name: name, custom_data: { aff: "x" } }, data: ORDER }));
    expect(created?.eventKey).toBe(webhook("order_created").eventKey);
    expect(refunded).toMatchObject({ kind: "refund", eventKey: webhook("order_refunded").eventKey });
    expect(created).toMatchObject({ kind: "sale", sale: { affiliate: { value: null } } });
  });

  it("stop at the page holding an order placed before `from`, and skip orders never paid", () => {
    const list = (createdAt: string) => ({ data: [{ ...ORDER, attributes: { ...ORDER.attributes, created_at: createdAt } }], links: { next: "https://api.lemonsqueezy.com/v1/orders?page[number]=2" } });
    expect(orderPage(list("2026-02-01T00:00:00Z"), "2026-01-01T00:00:00Z").next).toContain("page[number]=2");
    expect(orderPage(list("2025-12-31T00:00:00Z"), "2026-01-01T00:00:00Z").next).toBeNull();
    expect(orderRecord({ ...ORDER, attributes: { ...ORDER.attributes, status: "pending" } })).toBeNull();
  });

  it("read subscriptions as their subscription_created and invoices as their payment events", () => {
    const subscription = { type: "subscriptions", id: "77", attributes: { order_id: 1234, product_id: 9, product_name: "Membership", created_at: "2026-03-01T10:00:00Z", updated_at: "2026-04-01T10:00:00Z", test_mode: false } };
    const start = subscriptionRecord(subscription);
    const body = start.bodies[0];
    expect(start).toMatchObject({ orderId: "1234", subscriptionId: "77" });
    expect(body && parseLemonSqueezyEvent(body)).toMatchObject({ kind: "subscription", start: { subscriptionId: "77", firstOrderId: "1234", startedAt: "2026-03-01T10:00:00Z" } });

    const attributes = { subscription_id: 77, billing_reason: "renewal", status: "partial_refund", currency: "USD", total: 1000, tax: 0, subtotal_usd: 1000, discount_total_usd: 0, refunded_amount: 400, refunded_at: "2026-04-03T00:00:00Z", created_at: "2026-04-01T10:00:00Z", updated_at: "2026-04-03T00:00:00Z" };
    const invoice = invoiceRecord({ type: "subscription-invoices", id: "9001", attributes });
    expect(invoice?.orderId).toBe("invoice-9001");
    expect((invoice?.bodies ?? []).map((b) => parseLemonSqueezyEvent(b))).toMatchObject([
      { kind: "sale", orderId: "invoice-9001", sale: { soldAt: "2026-04-01T10:00:00Z", subscription: { id: "77", first: false } } },
      { kind: "refund", orderId: "invoice-9001", refund: { mode: "cumulative", grossMinor: 400 } },
    ]);
    // Delivered before its refund, the webhook of this payment has the key of the invoice as it was then.
    const delivered = parseLemonSqueezyEvent(JSON.stringify({ meta: { event_name: "subscription_payment_success" }, data: { type: "subscription-invoices", id: "9001", attributes: { ...attributes, status: "paid", refunded_amount: 0, updated_at: attributes.created_at } } }));
    const synced = invoiceRecord({ type: "subscription-invoices", id: "9001", attributes: { ...attributes, status: "paid", refunded_amount: 0, updated_at: attributes.created_at } })?.bodies[0];
    expect(synced && parseLemonSqueezyEvent(synced).eventKey).toBe(delivered.eventKey);
    expect(invoiceRecord({ type: "subscription-invoices", id: "9002", attributes: { ...attributes, status: "void" } })).toBeNull();
    const list = { data: [{ type: "subscription-invoices", id: "9001", attributes: { ...attributes, created_at: "2025-12-31T00:00:00Z" } }], links: { next: "https://api.lemonsqueezy.com/v1/subscription-invoices?page[number]=2" } };
    expect(invoicePage(list, "2026-01-01T00:00:00Z").next).toBeNull();
  });

  it("read the discount code of an order's redemptions", () => {
    expect(discountOfRedemptions({ data: [{ attributes: { discount_id: 7, discount_code: "ADA15" } }] })).toEqual({ code: "ADA15", platformId: "7" });
    expect(discountOfRedemptions({ data: [] })).toBeNull();
  });
});

describe("Paddle's discount list for a code", () => {
  const list = { data: [{ id: "dsc_auto", code: null }, { id: "dsc_01ada", code: "Ada15", status: "active" }], meta: { pagination: { per_page: 50, next: null, has_more: false } } };

  it("names the discount whose code it is, in any case; none when no discount has it", () => {
    expect(discountIdOfCode(list, "ADA15")).toBe("dsc_01ada");
    expect(discountIdOfCode(list, "ada15")).toBe("dsc_01ada");
    expect(discountIdOfCode(list, "GRACE")).toBeNull();
    expect(discountIdOfCode({ data: [] }, "ADA15")).toBeNull();
  });

  it("refuses an answer that is not a discount list", () => {
    expect(() => discountIdOfCode({ errors: [] }, "ADA15")).toThrow();
  });
});
