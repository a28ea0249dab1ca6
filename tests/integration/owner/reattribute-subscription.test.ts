// Re-attributing the payment that started a subscription moves the subscription with it: its
// renewals, recorded and to come, follow the affiliate the owner chose. A renewal already paid out
// would move money that went to someone, so the owner is refused then, as for a paid order.
import { randomUUID } from "node:crypto";
import { beforeAll, expect, test } from "vitest";
import { orderKeyOf, subscriptionKeyOf } from "../../../contracts/ids";
import { readOrderRecord } from "../../../functions/src/orders/record";
import { paddleTransactionCompleted, post } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import { call, daysAgo, ownerIdToken, TRIGGER_WAIT } from "./helpers";

let owner: { uid: string; idToken: string };

beforeAll(async () => {
  owner = await ownerIdToken();
});

/** One Paddle Billing payment of `sub`, recorded through the endpoint; returns its order key. */
async function payment(sub: string, daysBack: number, affiliateId: string | null, first: boolean): Promise<string> {
  const transactionId = uniqueId("txn_");
  const origin = first ? "web" : "subscription_recurring";
  const request = paddleTransactionCompleted({ transactionId, affiliateId, subscriptionId: sub, origin, totalMinor: 6000, taxMinor: 0, feeMinor: 0, occurredAt: daysAgo(daysBack), productName: "Membership" });
  expect((await post(request)).status).toBe(200);
  const key = orderKeyOf("paddle", transactionId);
  await eventually(async () => ((await db().doc(`orders/${key}`).get()).exists ? true : undefined), `order ${key}`, TRIGGER_WAIT);
  return key;
}

const creditOf = async (key: string) => {
  const order = readOrderRecord((await db().doc(`orders/${key}`).get()).data(), key);
  return { affiliateId: order.affiliateId, rule: order.attribution?.rule, commissionMinor: order.commissionMinor };
};

test("the renewals of a subscription follow its first payment to the affiliate the owner credits, and so do later ones", async () => {
  const { id } = await createAffiliate({ rateBps: 5000 });
  const sub = uniqueId("sub_");
  const first = await payment(sub, 70, null, true);
  const renewal = await payment(sub, 40, null, false);
  expect(await creditOf(renewal)).toMatchObject({ affiliateId: null, commissionMinor: 0 });

  expect(await call("reattributeOrder", { orderKey: first, affiliateId: id }, owner.idToken)).toMatchObject({ status: 200 });
  expect(await creditOf(first)).toEqual({ affiliateId: id, rule: "manual", commissionMinor: 3000 });
  expect(await creditOf(renewal)).toEqual({ affiliateId: id, rule: "subscription", commissionMinor: 3000 });
  expect((await db().doc(`subscriptions/${subscriptionKeyOf("paddle", sub)}`).get()).data()).toMatchObject({ affiliateId: id, paymentsCredited: 2 });

  const later = await payment(sub, 10, null, false);
  expect(await creditOf(later)).toEqual({ affiliateId: id, rule: "subscription", commissionMinor: 3000 });
  const ledger = await eventually(async () => {
    const shards = await db().collection("ledgers").where("affiliateId", "==", id).get();
    const earned = shards.docs.reduce((sum, d) => sum + Number(d.get("earnedMinor")), 0);
    return earned === 9000 ? earned : undefined;
  }, "ledger of all three payments", TRIGGER_WAIT);
  expect(ledger).toBe(9000);
}, 180_000);

test("once a renewal is paid out, its subscription's first payment can no longer be re-attributed", async () => {
  const ada = await createAffiliate({ rateBps: 5000 });
  const grace = await createAffiliate({ rateBps: 5000 });
  const sub = uniqueId("sub_");
  const first = await payment(sub, 10, null, true);
  const renewal = await payment(sub, 5, null, false);
  // An older subscription whose first payment nobody was credited for; its renewals were credited
  // to Ada from their own custom data, matured (above the demo's payout threshold) and were paid out.
  const paidSub = uniqueId("sub_");
  const paidFirst = await payment(paidSub, 70, null, true);
  const paidRenewals = [await payment(paidSub, 40, ada.id, false), await payment(paidSub, 35, null, false)];
  await eventually(async () => {
    const result = await call("payableNow", {}, owner.idToken);
    const rows = (result.data as { rows: Array<{ affiliateId: string; payableMinor: number }> }).rows;
    return rows.some((r) => r.affiliateId === ada.id && r.payableMinor === 6000) ? true : undefined;
  }, "Ada's payable balance", TRIGGER_WAIT);
  const payout = await call("recordPayout", { affiliateId: ada.id, currency: "USD", method: "PayPal", reference: "PP-1", idempotencyKey: randomUUID() }, owner.idToken);
  expect(payout).toMatchObject({ status: 200, data: { orderCount: 2 } });
  expect(await creditOf(paidFirst)).toMatchObject({ affiliateId: null });

  expect(await call("reattributeOrder", { orderKey: paidFirst, affiliateId: grace.id }, owner.idToken)).toMatchObject({ error: "FAILED_PRECONDITION" });
  for (const key of paidRenewals) expect(await creditOf(key)).toMatchObject({ affiliateId: ada.id });
  // A subscription with nothing paid out still moves.
  expect(await call("reattributeOrder", { orderKey: first, affiliateId: grace.id }, owner.idToken)).toMatchObject({ status: 200 });
  expect(await creditOf(renewal)).toMatchObject({ affiliateId: grace.id });
}, 180_000);
