// The affiliate's ledger as the trigger keeps it, and the balances the portal derives from it with
// an injected "today": no daily job moves money from pending to payable.
import { ledgerKeyOf, orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import { balancesAt } from "../../../contracts/ledger.js";
import { shardOf, utcDay } from "../../../functions/src/ledger/contribution.js";
import { lemonSqueezyEvent } from "../../../scripts/lib/webhooks";
import { computeBalances } from "../../../web/src/features/balances/compute-balances.js";
import { createAffiliate, db } from "../../support/emulator";
import { DAY_MS, daysAgoIso, ledgerCaughtUp, orderNumber, postOk, storedLedgers, utcToday } from "../order-support";

beforeAll(() => {
  db();
});

const dayBefore = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);

describe("ledger", () => {
  it("a sale lands as pending on its payable day, in the order's shard, with the day's totals", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const soldAt = new Date().toISOString();
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, createdAt: soldAt }));
    const order = await ledgerCaughtUp(orderKey);
    const payableDay = utcDay(new Date(Date.parse(soldAt) + 30 * DAY_MS).toISOString());
    expect(order.payableAt?.slice(0, 10)).toBe(payableDay);

    const shards = await storedLedgers(affiliate.id);
    const id = `${ledgerKeyOf({ affiliateId: affiliate.id, currency: "USD", shard: shardOf(orderKey) })}`;
    expect(Object.keys(shards)).toEqual([id]);
    expect(shards[id]).toEqual({
      affiliateId: affiliate.id,
      currency: "USD",
      shard: shardOf(orderKey),
      pendingByDay: { [payableDay]: 4850 },
      flaggedMinor: 0,
      carryMinor: 0,
      paidMinor: 0,
      reversedMinor: 0,
      earnedMinor: 4850,
      sales: 1,
      refunds: 0,
      daily: { [utcDay(soldAt)]: { sales: 1, saleMinor: 9700, commissionMinor: 4850, refundedMinor: 0 } },
    });

    // Pending until the payable day, payable from it on: the same shards, only "today" moves.
    const list = Object.values(shards);
    expect(balancesAt(list, dayBefore(payableDay)).USD).toMatchObject({ pendingMinor: 4850, payableMinor: 0 });
    expect(balancesAt(list, payableDay).USD).toMatchObject({ pendingMinor: 0, payableMinor: 4850 });
    const portal = (today: string) => computeBalances(list.map((s) => ({ ...s, id, affiliateId: affiliate.id })), today)[0];
    expect(portal(utcToday())).toMatchObject({ pendingMinor: 4850, payableMinor: 0, nextPayableDay: payableDay });
    expect(portal(payableDay)).toMatchObject({ pendingMinor: 0, payableMinor: 4850, nextPayableDay: null });
  });

  it("an order sold 31 days ago is payable today, and one sold yesterday is not", async () => {
    const affiliate = await createAffiliate();
    const oldId = orderNumber();
    const newId = orderNumber();
    await postOk(lemonSqueezyEvent("order_created", { orderId: oldId, affiliateId: affiliate.id, subtotalMinor: 9700, createdAt: daysAgoIso(31) }));
    await postOk(lemonSqueezyEvent("order_created", { orderId: newId, affiliateId: affiliate.id, subtotalMinor: 4000, createdAt: daysAgoIso(1) }));
    await ledgerCaughtUp(orderKeyOf("lemonsqueezy", oldId));
    await ledgerCaughtUp(orderKeyOf("lemonsqueezy", newId));

    const today = utcToday();
    const shards = Object.values(await storedLedgers(affiliate.id));
    const days = shards.flatMap((s) => Object.keys(s.pendingByDay)).sort();
    expect(days).toHaveLength(2);
    expect(days[0] !== undefined && days[0] <= today).toBe(true);
    expect(days[1] !== undefined && days[1] > today).toBe(true);
    expect(balancesAt(shards, today).USD).toMatchObject({ payableMinor: 4850, pendingMinor: 2000, earnedMinor: 6850, sales: 2 });
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
