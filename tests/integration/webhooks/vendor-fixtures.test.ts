// Every vendor payload in fixtures/vendor through the real endpoints behind Hosting. Only ids are
// made unique (the suites share one database and may run again); amounts and everything else are
// the vendor's. Paddle bodies are re-signed with the emulator's secret.
import { customerKeyOf, orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgramSettings } from "../../../contracts/program-settings";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import {
  candidateOf,
  classicRequest,
  deliver,
  eventRefOf,
  expectOrderMatches,
  lemonSqueezyRequest,
  orderRef,
  paddleRequest,
  parsedOf,
  predict,
  readSettings,
  send,
  settled,
  updateTimeOf,
  vendorJson,
  vendorText,
  type Json,
} from "./support";

let settings: ProgramSettings;
beforeAll(async () => {
  settings = await readSettings();
});

function paddleFixture(name: string, ids: { eventId: string; dataId?: string; transactionId?: string; customerId?: string }): Json {
  const event = vendorJson(`paddle-billing/${name}.json`);
  const data = event.data as Json;
  event.event_id = ids.eventId;
  if (ids.dataId) data.id = ids.dataId;
  if (ids.transactionId) data.transaction_id = ids.transactionId;
  if (ids.customerId) data.customer_id = ids.customerId;
  return event;
}

describe("Paddle Billing fixtures", () => {
  it("transaction.completed records an order with the fixture's exact amounts (unattributed: custom_data is null)", async () => {
    const txn = uniqueId("txn_fx");
    const request = paddleRequest(paddleFixture("transaction.completed", { eventId: uniqueId("evt_fx"), dataId: txn, customerId: uniqueId("ctm_fx") }));
    await deliver(request, "applied");
    const { order, commission } = await settled(orderKeyOf("paddle", txn));
    expect(order).toMatchObject({
      status: "paid",
      currency: "USD",
      grossMinor: 65215,
      taxMinor: 5315,
      feeMinor: 3311,
      netMinor: 56589,
      baseCurrency: "USD",
      affiliateId: null,
      commissionMinor: 0,
      saleAt: "2024-04-12T10:18:50.155Z", // occurred_at, microseconds dropped by the Timestamp
      productId: "pro_01gsz4t5hdjse780zja8vvr7jg",
    });
    expect(order.attribution).toMatchObject({ affiliateId: null, reason: "missing", field: null });
    expect(commission).toBeNull();
    expect((await eventRefOf(request).get()).get("status")).toBe("processed");
  });

  it("transaction.completed with an affiliate: commission = half-even(56589 × 50%) = 28294, in the ledger once", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const txn = uniqueId("txn_fx");
    const event = paddleFixture("transaction.completed", { eventId: uniqueId("evt_fx"), dataId: txn, customerId: uniqueId("ctm_fx") });
    (event.data as Json).custom_data = { affiliateId: affiliate.id };
    const request = paddleRequest(event);
    await deliver(request, "applied");
    const { order, commission } = await settled(orderKeyOf("paddle", txn));
    expect(order.commissionMinor).toBe(28294);
    expect(commission).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 28294, saleMinor: 56589, status: "pending", currency: "USD" });
    expectOrderMatches(order, predict(orderKeyOf("paddle", txn), [parsedOf(request)], { candidate: candidateOf(affiliate, 5000), settings }));
  });

  it.each(["transaction.paid", "transaction.billed"])("%s is acknowledged and ignored: no order", async (name) => {
    const txn = uniqueId("txn_fx");
    const request = paddleRequest(paddleFixture(name, { eventId: uniqueId("evt_fx"), dataId: txn }));
    const reply = await deliver(request, "ignored");
    expect(reply.json).toEqual({ ok: true, outcome: "ignored" });
    const stored = await eventRefOf(request).get();
    expect(stored.get("status")).toBe("ignored");
    expect(stored.get("parsed.reason")).toBe(`event type ${name} is not used`);
    expect((await orderRef(orderKeyOf("paddle", txn)).get()).exists).toBe(false);
  });

  it("adjustment.created and adjustment.updated (pending_approval) are ignored and leave the order untouched; once approved, the refund applies", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const txn = uniqueId("txn_fx");
    const saleEvent = paddleFixture("transaction.completed", { eventId: uniqueId("evt_fx"), dataId: txn, customerId: uniqueId("ctm_fx") });
    (saleEvent.data as Json).custom_data = { affiliateId: affiliate.id };
    const sale = paddleRequest(saleEvent);
    await deliver(sale, "applied");
    await settled(orderKeyOf("paddle", txn));
    const before = await updateTimeOf(orderRef(orderKeyOf("paddle", txn)));

    const adjustmentId = uniqueId("adj_fx");
    const pending = ["adjustment.created", "adjustment.updated"].map((name) =>
      paddleRequest(paddleFixture(name, { eventId: uniqueId("evt_fx"), dataId: adjustmentId, transactionId: txn })),
    );
    for (const request of pending) {
      const reply = await deliver(request, "ignored");
      expect(reply.json?.outcome).toBe("ignored");
      expect((await eventRefOf(request).get()).get("parsed.reason")).toBe("refund adjustment is pending_approval, not approved");
    }
    expect(await updateTimeOf(orderRef(orderKeyOf("paddle", txn)))).toBe(before);

    const approvedEvent = paddleFixture("adjustment.updated", { eventId: uniqueId("evt_fx"), dataId: adjustmentId, transactionId: txn });
    (approvedEvent.data as Json).status = "approved";
    const approved = paddleRequest(approvedEvent);
    await deliver(approved, "applied");
    const { order, commission } = await settled(orderKeyOf("paddle", txn));
    // The fixture refunds 100 gross and 87 of earnings: half-even((56589 − 87) × 50%) = 28251.
    expect(order).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 100, refundedBaseMinor: 87, commissionMinor: 28251 });
    expect(commission?.commissionMinor).toBe(28251);
    expectOrderMatches(order, predict(orderKeyOf("paddle", txn), [parsedOf(sale), parsedOf(approved)], { candidate: candidateOf(affiliate, 5000), settings }));
  });

  it("customer.created stores the customer's email and name", async () => {
    const customerId = uniqueId("ctm_fx");
    const request = paddleRequest(paddleFixture("customer.created", { eventId: uniqueId("evt_fx"), dataId: customerId }));
    await deliver(request, "customer");
    const customer = await db().doc(`customers/${customerKeyOf("paddle", customerId)}`).get();
    expect(customer.data()).toEqual({ platform: "paddle", customerId, email: "jo@example.com", name: "Jo Brown" });
    expect((await eventRefOf(request).get()).get("status")).toBe("processed");
  });

  it("the Python SDK signature vector: rejected as sent (foreign secret, 2024 timestamp), accepted re-signed with the local secret", async () => {
    const vector = vendorJson<{ header: string; rawBody: string }>("paddle-billing/customer.created.signature-vector.json");
    const customerId = String((JSON.parse(vector.rawBody) as { data: { id: string } }).data.id);
    const asSent = { path: "/webhooks/paddle", headers: { "content-type": "application/json", "paddle-signature": vector.header }, body: vector.rawBody };
    const eventRef = eventRefOf(asSent);
    const before = await updateTimeOf(eventRef);
    const rejected = await send(asSent);
    expect(rejected.status).toBe(401);
    expect(rejected.json).toEqual({ error: "timestamp outside the 300 s tolerance" });
    expect(await updateTimeOf(eventRef)).toBe(before);

    // The vector's ids are fixed: make them unique so the acceptance is observable on every run.
    const body = JSON.parse(vector.rawBody) as Json;
    const id = uniqueId("ctm_vec");
    body.event_id = uniqueId("evt_vec");
    (body.data as Json).id = id;
    await deliver(paddleRequest(body), "customer");
    const customer = await db().doc(`customers/${customerKeyOf("paddle", id)}`).get();
    expect(customer.get("email")).toBe((JSON.parse(vector.rawBody) as { data: { email: string } }).data.email);
    expect(customerId).toMatch(/^ctm_/);
  });
});

describe("Paddle Classic simulator fixture", () => {
  const fixture = () => vendorJson<Record<string, string>>("paddle-classic/payment_succeeded.simplelogin-simulator.json");

  it("is rejected with 401 as sent: it is signed with Paddle's key, not the dev key the emulator trusts", async () => {
    const fields = fixture();
    const request = { path: "/webhooks/paddle-classic", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(fields).toString() };
    if (!fields.order_id) throw new Error("the fixture has no order_id");
    const order = orderRef(orderKeyOf("paddle-classic", fields.order_id));
    const [eventBefore, orderBefore] = await Promise.all([updateTimeOf(eventRefOf(request)), updateTimeOf(order)]);
    const reply = await send(request);
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: "signature does not match" });
    expect(await updateTimeOf(eventRefOf(request))).toBe(eventBefore);
    expect(await updateTimeOf(order)).toBe(orderBefore);
  });

  it("the same fields re-signed with the dev key are accepted and recorded with the fixture's amounts", async () => {
    const orderId = uniqueId("cl_fx");
    const request = classicRequest({ ...fixture(), alert_id: uniqueId("alert_fx"), order_id: orderId });
    await deliver(request, "applied");
    const { order, commission } = await settled(orderKeyOf("paddle-classic", orderId));
    // sale_gross 568.82 USD, payment_tax 0.18, balance_fee 16.03 EUR, balance_earnings 966.81 EUR.
    expect(order).toMatchObject({
      status: "paid",
      currency: "USD",
      grossMinor: 56882,
      taxMinor: 18,
      feeMinor: 1603,
      baseCurrency: "EUR",
      netMinor: 96681,
      saleAt: "2019-12-14T18:43:09.000Z",
      customerEmail: "awyman@example.org",
      productId: "3",
    });
    // passthrough "Example String" is a bare id with a space: not an id shape, so nobody is credited.
    expect(order.attribution).toMatchObject({ affiliateId: null, reason: "malformed", candidate: "Example String", field: "passthrough" });
    expect(commission).toBeNull();
  });
});

describe("Lemon Squeezy order fixture in a webhook envelope", () => {
  it("order_created then order_refunded (its refunded_amount 100) give the predicted order and commission", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const orderId = uniqueId("ls_fx");
    const envelope = (event: string): Json => {
      const data = JSON.parse(vendorText("lemonsqueezy/order.after-partial-refund.docs-api-example.json")) as Json;
      data.id = orderId;
      return { meta: { event_name: event, custom_data: { affiliateId: affiliate.id } }, data };
    };
    const created = lemonSqueezyRequest(envelope("order_created"));
    await deliver(created, "applied");
    const first = await settled(orderKeyOf("lemonsqueezy", orderId));
    // total 1199 with tax 200; base = subtotal_usd 999 − discount 0.
    expect(first.order).toMatchObject({ status: "paid", grossMinor: 1199, taxMinor: 200, feeMinor: null, netMinor: 999, commissionMinor: 500 });
    expect(first.order.customerEmail).toBe("[email protected]");

    const refunded = lemonSqueezyRequest(envelope("order_refunded"));
    await deliver(refunded, "applied");
    const { order, commission } = await settled(orderKeyOf("lemonsqueezy", orderId));
    // 999 × (1 − 100/1199) × 50% = 457.84 → 458, rounded once.
    expect(order).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 100, commissionMinor: 458 });
    expect(commission?.commissionMinor).toBe(458);
    expectOrderMatches(
      order,
      predict(orderKeyOf("lemonsqueezy", orderId), [parsedOf(created), parsedOf(refunded)], { candidate: candidateOf(affiliate, 5000), settings }),
    );
  });
});
