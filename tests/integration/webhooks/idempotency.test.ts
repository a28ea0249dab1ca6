// Redeliveries and concurrent duplicates (W-02…W-04, W-11, W-12): recorded once, counted once.
import { orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgramSettings } from "../../../contracts/program-settings";
import {
  lemonSqueezyEvent,
  paddleClassicPayment,
  paddleCustomer,
  paddleTransactionCompleted,
  type SignedRequest,
} from "../../../scripts/lib/webhooks";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import {
  candidateOf,
  commissionRef,
  deliver,
  eventRefOf,
  expectedLedger,
  expectOrderMatches,
  ledgerSum,
  orderKeyFor,
  orderRef,
  parsedOf,
  platformOf,
  predict,
  readSettings,
  resign,
  send,
  settled,
  updateTimeOf,
} from "./support";

let settings: ProgramSettings;
beforeAll(async () => {
  settings = await readSettings();
});

function sales(affiliateId: string): SignedRequest[] {
  return [
    paddleTransactionCompleted({ transactionId: uniqueId("txn_dup"), affiliateId, totalMinor: 11900, taxMinor: 1900, feeMinor: 601, customerId: uniqueId("ctm") }),
    lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_dup"), affiliateId, subtotalMinor: 9999 }),
    paddleClassicPayment({ alertId: uniqueId("al_dup"), orderId: uniqueId("cl_dup"), affiliateId, saleGross: "59.00", paymentTax: "9.00", balanceEarnings: "46.99", balanceFee: "3.01" }),
  ];
}

describe("redelivery", () => {
  it("a second delivery after processing answers 200 duplicate and changes no document (all platforms)", async () => {
    const affiliate = await createAffiliate({ rateBps: 4000 });
    const requests = sales(affiliate.id);
    await Promise.all(requests.map((r) => deliver(r, "applied")));
    const keys = requests.map(orderKeyFor);
    await Promise.all(keys.map((k) => settled(k)));
    const refs = keys.flatMap((k) => [orderRef(k), commissionRef(k)]).concat(requests.map(eventRefOf));
    const before = await Promise.all(refs.map(updateTimeOf));
    const ledgerBefore = await ledgerSum(affiliate.id);

    const replies = await Promise.all(requests.map((r) => deliver(r, "duplicate")));
    expect(replies.map((r) => r.json)).toEqual(requests.map(() => ({ ok: true, outcome: "duplicate" })));
    // Give a (wrongly) fired trigger time to show itself.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await Promise.all(refs.map(updateTimeOf))).toEqual(before);
    expect(await ledgerSum(affiliate.id)).toEqual(ledgerBefore);
    expect(ledgerBefore["USD.sales"]).toBe(3);
  });

  it("a customer event delivered again answers duplicate", async () => {
    const request = paddleCustomer(uniqueId("ctm_dup"), "dup@example.com", "Dup");
    await deliver(request, "customer");
    await deliver(request, "duplicate");
  });

  it("W-04: the same Paddle event_id under another notification_id is the same event", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const [first] = sales(affiliate.id);
    if (!first) throw new Error("no sale");
    await deliver(first, "applied");
    await deliver(resign(first, (body) => (body.notification_id = uniqueId("ntf_other"))), "duplicate");
  });

  it("W-04: the same sale under two event ids is one order and one commission (dedupe on the business key too)", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const [first] = sales(affiliate.id);
    if (!first) throw new Error("no sale");
    const second = resign(first, (body) => (body.event_id = uniqueId("evt_again")));
    await Promise.all([deliver(first, "applied"), deliver(second, "applied")]);
    const { order } = await settled(orderKeyFor(first));
    const predicted = predict(orderKeyFor(first), [parsedOf(first), parsedOf(second)], { candidate: candidateOf(affiliate, 5000), settings });
    expectOrderMatches(order, predicted);
    expect(await ledgerSum(affiliate.id)).toEqual(expectedLedger([predicted.contribution]));
  });
});

describe("20 concurrent deliveries of one event (W-03)", () => {
  it.each(["paddle", "lemonsqueezy", "paddle-classic"])("%s: all 2xx, one order, commission counted once in the ledgers", async (platform) => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const request = sales(affiliate.id).find((r) => platformOf(r) === platform);
    if (!request) throw new Error(platform);
    const replies = await Promise.all(Array.from({ length: 20 }, () => send(request)));
    // A stray 5xx is acceptable only if a retry then succeeds as a no-op (W-03).
    const retried = await Promise.all(replies.map(async (r) => (r.status === 200 ? r : send(request))));
    expect(retried.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    const outcomes = retried.map((r) => String(r.json?.outcome)).sort();
    expect(outcomes.filter((o) => o === "applied")).toHaveLength(1);
    expect(outcomes.filter((o) => o === "duplicate")).toHaveLength(19);

    const key = orderKeyFor(request);
    const { order, commission } = await settled(key);
    const predicted = predict(key, [parsedOf(request)], { candidate: candidateOf(affiliate, 5000), settings });
    expectOrderMatches(order, predicted);
    expect(commission?.commissionMinor).toBe(predicted.order.commissionMinor);
    expect(await ledgerSum(affiliate.id)).toEqual(expectedLedger([predicted.contribution]));
    const orders = await db().collection("orders").where("affiliateId", "==", affiliate.id).get();
    expect(orders.size).toBe(1);
    const commissions = await db().collection("commissions").where("affiliateId", "==", affiliate.id).get();
    expect(commissions.docs.map((d) => d.get("orderKey") as unknown)).toEqual([key]);
  });
});

describe("replays of captured bodies (W-11, W-12)", () => {
  it("Lemon Squeezy: an old body replayed is a no-op, but a genuinely new second partial refund is applied", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const orderId = uniqueId("ls_rp");
    const base = { orderId, affiliateId: affiliate.id, subtotalMinor: 1000, createdAt: "2026-01-05T10:00:00.000Z" };
    const sale = lemonSqueezyEvent("order_created", base);
    const refund300 = lemonSqueezyEvent("order_refunded", { ...base, refundedMinor: 300, updatedAt: "2026-01-06T10:00:00.000Z" });
    const refund700 = lemonSqueezyEvent("order_refunded", { ...base, refundedMinor: 700, updatedAt: "2026-01-07T10:00:00.000Z" });
    await deliver(sale, "applied");
    await deliver(refund300, "applied");
    await deliver(refund300, "duplicate");
    await deliver(refund700, "applied");
    await deliver(refund700, "duplicate");
    await deliver(refund300, "duplicate");
    const { order } = await settled(orderKeyOf("lemonsqueezy", orderId));
    // Cumulative: 700 refunded in all, not 1000; half-even(1000 × 30% × 50%) = 150.
    expect(order).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 700, commissionMinor: 150 });
  });
});
