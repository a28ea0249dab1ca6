// The affiliate's ledger as the trigger keeps it, and the balances the portal derives from it with
// an injected "now": no job moves money from pending to payable, and nothing matures early.
import { ledgerKeyOf, orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import { balancesAt, payableKey } from "../../../contracts/ledger.js";
import { shardOf, utcDay } from "../../../functions/src/ledger/contribution.js";
import { lemonSqueezyEvent } from "../../../scripts/lib/webhooks";
import { computeBalances } from "../../../web/src/features/balances/compute-balances.js";
import { createAffiliate, db } from "../../support/emulator";
import { DAY_MS, daysAgoIso, ledgerCaughtUp, orderNumber, postOk, storedLedgers } from "../order-support";

beforeAll(() => {
  db();
});


describe("ledger", () => {
  it("a sale lands as pending until its exact payable time, in the order's shard, with the day's totals", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const soldAt = new Date().toISOString();
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, createdAt: soldAt }));
    const order = await ledgerCaughtUp(orderKey);
    const payableAt = new Date(Date.parse(soldAt) + 30 * DAY_MS);
    expect(order.payableAt).toBe(payableAt.toISOString());
    const key = payableKey(payableAt.toISOString());

    const shards = await storedLedgers(affiliate.id);
    const id = `${ledgerKeyOf({ affiliateId: affiliate.id, currency: "USD", shard: shardOf(orderKey) })}`;
    expect(Object.keys(shards)).toEqual([id]);
    expect(shards[id]).toEqual({
      affiliateId: affiliate.id,
      currency: "USD",
      shard: shardOf(orderKey),
      pendingByDay: { [key]: 4850 },
      flaggedMinor: 0,
      carryMinor: 0,
      paidMinor: 0,
      reversedMinor: 0,
      earnedMinor: 4850,
      sales: 1,
      refunds: 0,
      daily: { [utcDay(soldAt)]: { sales: 1, saleMinor: 9700, commissionMinor: 4850, refundedMinor: 0 } },
    });

    // Pending until the payable time (not a millisecond early, where a UTC day paid up to 24 hours
    // early), payable from then on: the same shards, only "now" moves.
    const list = Object.values(shards);
    const justBefore = new Date(payableAt.getTime() - 1);
    const from = new Date(Date.parse(key.replace("Z", ".000Z")));
    expect(balancesAt(list, justBefore).USD).toMatchObject({ pendingMinor: 4850, payableMinor: 0 });
    expect(balancesAt(list, from).USD).toMatchObject({ pendingMinor: 0, payableMinor: 4850 });
    const portal = (now: Date) => computeBalances(list.map((s) => ({ ...s, id, affiliateId: affiliate.id })), now)[0];
    expect(portal(new Date())).toMatchObject({ pendingMinor: 4850, payableMinor: 0, nextPayableDay: utcDay(payableAt.toISOString()) });
    expect(portal(from)).toMatchObject({ pendingMinor: 0, payableMinor: 4850, nextPayableDay: null });
  });

  it("an order sold 31 days ago is payable today, and one sold yesterday is not", async () => {
    const affiliate = await createAffiliate();
    const oldId = orderNumber();
    const newId = orderNumber();
    await postOk(lemonSqueezyEvent("order_created", { orderId: oldId, affiliateId: affiliate.id, subtotalMinor: 9700, createdAt: daysAgoIso(31) }));
    await postOk(lemonSqueezyEvent("order_created", { orderId: newId, affiliateId: affiliate.id, subtotalMinor: 4000, createdAt: daysAgoIso(1) }));
    await ledgerCaughtUp(orderKeyOf("lemonsqueezy", oldId));
    await ledgerCaughtUp(orderKeyOf("lemonsqueezy", newId));

    const now = new Date();
    const shards = Object.values(await storedLedgers(affiliate.id));
    const keys = shards.flatMap((s) => Object.keys(s.pendingByDay)).sort();
    expect(keys).toHaveLength(2);
    expect(keys[0] !== undefined && Date.parse(keys[0]) <= now.getTime()).toBe(true);
    expect(keys[1] !== undefined && Date.parse(keys[1]) > now.getTime()).toBe(true);
    expect(balancesAt(shards, now).USD).toMatchObject({ payableMinor: 4850, pendingMinor: 2000, earnedMinor: 6850, sales: 2 });
  });

  it("a full refund takes the commission back and leaves only the day's refunded totals", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const createdAt = new Date(Date.now() - 10_000).toISOString();
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, createdAt }));
    await ledgerCaughtUp(orderKey);
    await postOk(lemonSqueezyEvent("order_refunded", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, refundedMinor: 9700, createdAt, updatedAt: new Date().toISOString() }));
    await ledgerCaughtUp(orderKey, (o) => o.status === "refunded");
    const [shard] = Object.values(await storedLedgers(affiliate.id));
    expect(shard).toMatchObject({ pendingByDay: {}, earnedMinor: 0, reversedMinor: 4850, sales: 1, refunds: 1 });
    expect(shard?.daily).toEqual({ [utcDay(createdAt)]: { sales: 1, saleMinor: 9700, commissionMinor: 0, refundedMinor: 9700 } });
    expect((await db().doc(`commissions/${orderKey}`).get()).get("status")).toBe("refunded");
  });
});
