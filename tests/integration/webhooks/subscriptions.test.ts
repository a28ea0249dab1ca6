// Recurring payments (issue 14): each platform's subscription sequence through the real endpoints,
// the policy limits, the per-affiliate override, renewals without custom data and arrival orders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf, subscriptionKeyOf } from "../../../contracts/ids";
import type { Platform } from "../../../contracts/platforms";
import type { RecurringPolicy } from "../../../contracts/recurring-policy";
import { readOrderRecord, type OrderRecord } from "../../../functions/src/orders/record";
import {
  classicTime,
  lemonSqueezyEvent,
  lemonSqueezyInvoice,
  lemonSqueezySubscriptionCreated,
  paddleAdjustment,
  paddleClassicPayment,
  paddleClassicRefund,
  paddleTransactionCompleted,
} from "../../../scripts/lib/webhooks";
import { createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import { deliver, ledgerSum, orderRef, settled } from "./support";

const DAY = 86_400_000;
/** Each sequence posts a dozen events one after the other and waits for the triggers: slow on a busy machine. */
const SEQUENCE = { timeout: 180_000 };
/** Payment times a month apart, all in the past so nothing depends on today. */
const month = (n: number): string => new Date(Date.UTC(2026, n, 10, 10, 0, 0)).toISOString();

async function readOrder(key: string): Promise<OrderRecord> {
  const snap = await orderRef(key).get();
  return readOrderRecord(snap.data(), key);
}

const readSubscription = async (platform: Platform, id: string) => (await db().collection("subscriptions").doc(subscriptionKeyOf(platform, id)).get()).data();

async function withPolicy(affiliateId: string, policy: RecurringPolicy): Promise<void> {
  await db().doc(`affiliates/${affiliateId}`).update({ recurringPolicy: policy });
}

/** Who earns what per payment: the facts the owner and the affiliate see. */
const earning = (o: OrderRecord) => ({ affiliateId: o.affiliateId, reason: o.attribution?.reason ?? null, payment: o.payment?.number ?? null, commissionMinor: o.commissionMinor });

let programPolicyBefore: unknown;
beforeAll(async () => {
  programPolicyBefore = (await db().doc("settings/program").get()).get("recurringPolicy");
});
afterAll(async () => {
  await db()
    .doc("settings/program")
    .set({ recurringPolicy: programPolicyBefore ?? { kind: "every" } }, { merge: true });
});

describe("Paddle Billing", () => {
  const paddle = (txn: string, sub: string, at: string, affiliateId: string | null, origin: "web" | "subscription_recurring" | "subscription_charge") =>
    paddleTransactionCompleted({ transactionId: txn, affiliateId, subscriptionId: sub, origin, totalMinor: 2000, taxMinor: 0, feeMinor: 0, occurredAt: at, productName: "Membership" });

  it("first payment, renewals with and without custom data, a one-off charge and a refunded renewal, under the affiliate's limit of 3 payments", SEQUENCE, async () => {
    const affiliate = await createAffiliate();
    await withPolicy(affiliate.id, { kind: "payments", limit: 3 });
    const sub = uniqueId("sub_");
    const txns = [1, 2, 3, 4].map((n) => uniqueId(`txn_s${n}_`));
    await deliver(paddle(txns[0] ?? "", sub, month(0), affiliate.id, "web"), "applied");
    await deliver(paddle(txns[1] ?? "", sub, month(1), affiliate.id, "subscription_recurring"), "applied");
    await deliver(paddle(txns[2] ?? "", sub, month(2), null, "subscription_charge"), "applied");
    await deliver(paddle(txns[3] ?? "", sub, month(3), null, "subscription_recurring"), "applied");
    const keys = txns.map((t) => orderKeyOf("paddle", t));
    const orders = await Promise.all(keys.map(readOrder));
    expect(orders.map(earning)).toEqual([
      { affiliateId: affiliate.id, reason: null, payment: 1, commissionMinor: 1000 },
      { affiliateId: affiliate.id, reason: null, payment: 2, commissionMinor: 1000 },
      { affiliateId: affiliate.id, reason: null, payment: 3, commissionMinor: 1000 },
      { affiliateId: null, reason: "beyond_policy", payment: 4, commissionMinor: 0 },
    ]);
    // Credited through the subscription, and the order past the limit says whose it would have been.
    expect(orders[2]?.attribution).toMatchObject({ rule: "subscription", field: "subscription", candidate: affiliate.id });
    expect(orders[3]?.attribution).toMatchObject({ rule: "subscription", candidate: affiliate.id });
    expect(orders[3]).toMatchObject({ status: "paid", grossMinor: 2000, productName: "Membership" });
    expect(await readSubscription("paddle", sub)).toMatchObject({
      affiliateId: affiliate.id,
      policy: { kind: "payments", limit: 3 },
      firstOrderId: txns[0],
      paymentsCredited: 3,
      productName: "Membership",
    });

    // The renewal is refunded: it takes back exactly that payment's commission.
    await deliver(paddleAdjustment({ adjustmentId: uniqueId("adj_"), transactionId: txns[1] ?? "", action: "refund", type: "full", totalMinor: 2000, earningsMinor: 2000, occurredAt: month(1) }), "applied");
    expect(earning(await readOrder(keys[1] ?? ""))).toEqual({ affiliateId: affiliate.id, reason: null, payment: 2, commissionMinor: 0 });
    for (const key of keys) await settled(key);
    expect(await ledgerSum(affiliate.id)).toMatchObject({ "USD.earnedMinor": 2000, "USD.sales": 3, "USD.refunds": 1 });
  });

  it("arrival order: renewals before the first payment, a late renewal and duplicates end the same (first 2 months)", SEQUENCE, async () => {
    const affiliate = await createAffiliate();
    await withPolicy(affiliate.id, { kind: "months", limit: 2 });
    const sub = uniqueId("sub_");
    const [t1, t2, t3] = [uniqueId("txn_a1_"), uniqueId("txn_a2_"), uniqueId("txn_a3_")];
    const r3 = paddle(t3, sub, month(2), null, "subscription_recurring");
    await deliver(r3, "applied");
    // No affiliate known yet: the renewal waits for its subscription.
    expect(earning(await readOrder(orderKeyOf("paddle", t3)))).toMatchObject({ affiliateId: null, reason: "missing", payment: 2 });
    await deliver(paddle(t2, sub, month(1), affiliate.id, "subscription_recurring"), "applied");
    // Credited from its own custom data, but a months limit needs the first payment's time.
    expect(earning(await readOrder(orderKeyOf("paddle", t2)))).toMatchObject({ affiliateId: null, reason: "no_start", payment: 2 });
    await deliver(paddle(t1, sub, month(0), affiliate.id, "web"), "applied");
    await deliver(r3, "duplicate");
    const orders = await Promise.all([t1, t2, t3].map((t) => readOrder(orderKeyOf("paddle", t))));
    expect(orders.map(earning)).toEqual([
      { affiliateId: affiliate.id, reason: null, payment: 1, commissionMinor: 1000 },
      { affiliateId: affiliate.id, reason: null, payment: 2, commissionMinor: 1000 },
      { affiliateId: null, reason: "beyond_policy", payment: 3, commissionMinor: 0 },
    ]);
    for (const t of [t1, t2, t3]) await settled(orderKeyOf("paddle", t));
    expect(await ledgerSum(affiliate.id)).toMatchObject({ "USD.earnedMinor": 2000, "USD.sales": 2 });
  });
});

describe("Paddle Classic", () => {
  const payment = (orderId: string, sub: string, at: string, affiliateId: string | null, initialPayment: boolean) =>
    paddleClassicPayment({
      alertId: uniqueId("al_"),
      orderId,
      affiliateId,
      saleGross: "30.00",
      paymentTax: "0.00",
      balanceEarnings: "30.00",
      balanceFee: "0.00",
      productName: "Membership",
      eventTime: classicTime(new Date(at)),
      subscription: { id: sub, initialPayment },
    });

  it("the program's 'first payment only' policy: the renewal is recorded without commission; the owner's every-payment default returns for the next subscription", SEQUENCE, async () => {
    const affiliate = await createAffiliate();
    await db().doc("settings/program").set({ recurringPolicy: { kind: "first" } }, { merge: true });
    const sub = uniqueId("").slice(0, 9);
    const [o1, o2] = [uniqueId("cl_s1_"), uniqueId("cl_s2_")];
    await deliver(payment(o1, sub, month(0), affiliate.id, true), "applied");
    await deliver(payment(o2, sub, month(1), null, false), "applied");
    // The policy is snapshotted: changing the setting later moves nothing for this subscription.
    await db().doc("settings/program").set({ recurringPolicy: { kind: "every" } }, { merge: true });
    const o3 = uniqueId("cl_s3_");
    await deliver(payment(o3, sub, month(2), affiliate.id, false), "applied");
    const orders = await Promise.all([o1, o2, o3].map((o) => readOrder(orderKeyOf("paddle-classic", o))));
    expect(orders.map(earning)).toEqual([
      { affiliateId: affiliate.id, reason: null, payment: 1, commissionMinor: 1500 },
      { affiliateId: null, reason: "beyond_policy", payment: 2, commissionMinor: 0 },
      { affiliateId: null, reason: "beyond_policy", payment: 3, commissionMinor: 0 },
    ]);
    expect(await readSubscription("paddle-classic", sub)).toMatchObject({ affiliateId: affiliate.id, policy: { kind: "first" }, paymentsCredited: 1 });

    // A new subscription under the every-payment policy earns on its renewal, and a refund of that renewal takes it back.
    const sub2 = uniqueId("").slice(0, 9);
    const [n1, n2] = [uniqueId("cl_n1_"), uniqueId("cl_n2_")];
    await deliver(payment(n1, sub2, month(0), affiliate.id, true), "applied");
    await deliver(payment(n2, sub2, month(1), null, false), "applied");
    expect(earning(await readOrder(orderKeyOf("paddle-classic", n2)))).toEqual({ affiliateId: affiliate.id, reason: null, payment: 2, commissionMinor: 1500 });
    await deliver(paddleClassicRefund({ alertId: uniqueId("al_r"), orderId: n2, grossRefund: "30.00", balanceEarningsDecrease: "30.00", refundType: "full" }), "applied");
    expect(earning(await readOrder(orderKeyOf("paddle-classic", n2)))).toEqual({ affiliateId: affiliate.id, reason: null, payment: 2, commissionMinor: 0 });
  });
});

describe("Lemon Squeezy", () => {
  const ls = () => {
    const orderId = String(Math.floor(Math.random() * 1e9));
    const sub = String(Math.floor(Math.random() * 1e9));
    return { orderId, sub, orderKey: orderKeyOf("lemonsqueezy", orderId), invoiceKey: (id: string) => orderKeyOf("lemonsqueezy", `invoice-${id}`) };
  };

  it("order_created, subscription_created, renewals without custom data (one before the link), the initial invoice left out and a refunded renewal", SEQUENCE, async () => {
    const affiliate = await createAffiliate();
    const { orderId, sub, orderKey, invoiceKey } = ls();
    const [i2, i3] = [uniqueId("").slice(0, 8), uniqueId("").slice(0, 8)];
    // A renewal without custom data arrives before the subscription is linked: it waits.
    await deliver(lemonSqueezyInvoice("subscription_payment_success", { invoiceId: i2, subscriptionId: sub, subtotalMinor: 1000, createdAt: month(1) }), "applied");
    expect(earning(await readOrder(invoiceKey(i2)))).toMatchObject({ affiliateId: null, reason: "missing", payment: 2 });
    await deliver(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 1000, createdAt: month(0), productName: "Membership" }), "applied");
    const created = lemonSqueezySubscriptionCreated({ subscriptionId: sub, orderId, affiliateId: affiliate.id, createdAt: month(0) });
    await deliver(created, "applied");
    await deliver(created, "duplicate");
    await deliver(lemonSqueezyInvoice("subscription_payment_success", { invoiceId: uniqueId("").slice(0, 8), subscriptionId: sub, billingReason: "initial", subtotalMinor: 1000, createdAt: month(0) }), "ignored");
    await deliver(lemonSqueezyInvoice("subscription_payment_success", { invoiceId: i3, subscriptionId: sub, subtotalMinor: 1000, createdAt: month(2) }), "applied");
    expect((await readOrder(orderKey)).commissionMinor).toBe(500);
    expect(earning(await readOrder(invoiceKey(i2)))).toEqual({ affiliateId: affiliate.id, reason: null, payment: 2, commissionMinor: 500 });
    expect(earning(await readOrder(invoiceKey(i3)))).toEqual({ affiliateId: affiliate.id, reason: null, payment: 3, commissionMinor: 500 });
    // The invoice names no product: the subscription's is shown (and its course found by it).
    expect(await readOrder(invoiceKey(i3))).toMatchObject({ productId: "1", productName: "Membership" });
    expect(await readSubscription("lemonsqueezy", sub)).toMatchObject({ affiliateId: affiliate.id, firstOrderId: orderId, policy: { kind: "every" }, paymentsCredited: 3 });

    await deliver(lemonSqueezyInvoice("subscription_payment_refunded", { invoiceId: i3, subscriptionId: sub, subtotalMinor: 1000, refundedMinor: 1000, createdAt: month(2), updatedAt: new Date(Date.parse(month(2)) + DAY).toISOString() }), "applied");
    expect(await readOrder(invoiceKey(i3))).toMatchObject({ status: "refunded", commissionMinor: 0 });
    for (const key of [orderKey, invoiceKey(i2), invoiceKey(i3)]) await settled(key);
    expect(await ledgerSum(affiliate.id)).toMatchObject({ "USD.earnedMinor": 1000, "USD.sales": 3, "USD.refunds": 1 });
  });

  it("each limit: the first 2 payments, whichever of subscription_created and the renewals comes first", SEQUENCE, async () => {
    const affiliate = await createAffiliate();
    await withPolicy(affiliate.id, { kind: "payments", limit: 2 });
    const { orderId, sub, invoiceKey } = ls();
    const [i2, i3] = [uniqueId("").slice(0, 8), uniqueId("").slice(0, 8)];
    await deliver(lemonSqueezyInvoice("subscription_payment_success", { invoiceId: i3, subscriptionId: sub, affiliateId: affiliate.id, subtotalMinor: 1000, createdAt: month(2) }), "applied");
    await deliver(lemonSqueezyInvoice("subscription_payment_success", { invoiceId: i2, subscriptionId: sub, subtotalMinor: 1000, createdAt: month(1) }), "applied");
    await deliver(lemonSqueezySubscriptionCreated({ subscriptionId: sub, orderId, affiliateId: affiliate.id, createdAt: month(0) }), "applied");
    await deliver(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 1000, createdAt: month(0) }), "applied");
    await eventually(async () => ((await readOrder(invoiceKey(i3))).payment?.number === 3 ? true : undefined), "renumbered renewal");
    expect(earning(await readOrder(invoiceKey(i2)))).toEqual({ affiliateId: affiliate.id, reason: null, payment: 2, commissionMinor: 500 });
    expect(earning(await readOrder(invoiceKey(i3)))).toEqual({ affiliateId: null, reason: "beyond_policy", payment: 3, commissionMinor: 0 });
  });
});
