// The owner overview's summaries as the triggers keep them: exact under duplicates, retries and any
// arrival order, and moved by the click fold by exactly what it counts. The summaries are shared by
// every suite, so each test reads only its own affiliate's entries, its own orders' bookkeeping and
// the change it makes.
import { orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import { PROGRAM_STATS_SHARDS, programClicksKeyOf, programSalesKeyOf, readProgramStatsDoc, type StatTotals } from "../../../contracts/program-stats.js";
import { fakeVisitors, postBeacon, settledTotals } from "../../../scripts/lib/clicks";
import { lemonSqueezyEvent } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, eventually } from "../../support/emulator";
import { ledgerCaughtUp, orderNumber, postOk } from "../order-support";

beforeAll(() => {
  db();
});

/** The affiliate's entries for one month, summed over the shards of the year's USD documents. */
async function affiliateMonth(affiliateId: string, day: string): Promise<StatTotals> {
  const year = Number(day.slice(0, 4));
  const refs = Array.from({ length: PROGRAM_STATS_SHARDS }, (_, shard) => db().doc(`programStats/${programSalesKeyOf("USD", year, shard)}`));
  const sum: StatTotals = { sales: 0, revenueMinor: 0, refundedMinor: 0, affiliateSales: 0, affiliateRevenueMinor: 0, commissionMinor: 0 };
  for (const snap of await db().getAll(...refs)) {
    const stats = readProgramStatsDoc(snap.data());
    const entry = stats?.kind === "sales" ? stats.months[day.slice(5, 7)]?.affiliates[affiliateId] : undefined;
    if (entry) for (const name of Object.keys(sum) as Array<keyof StatTotals>) sum[name] += entry[name];
  }
  return sum;
}

async function applied(orderKey: string): Promise<unknown> {
  return (await db().doc(`orderStats/${orderKey}`).get()).get("applied");
}

describe("program summaries", () => {
  it("count sales, refunds and commission exactly, whatever the order and number of deliveries", async () => {
    const affiliate = await createAffiliate();
    const soldAt = "2025-03-10T12:00:00.000Z";
    const [first, second, unattributed] = [orderNumber(), orderNumber(), orderNumber()];
    const refundOfSecond = lemonSqueezyEvent("order_refunded", { orderId: second, affiliateId: affiliate.id, subtotalMinor: 8000, refundedMinor: 3000, createdAt: soldAt, updatedAt: "2025-03-12T00:00:00.000Z" });
    // The refund arrives before its sale, and everything is delivered twice.
    const events = [
      refundOfSecond,
      lemonSqueezyEvent("order_created", { orderId: first, affiliateId: affiliate.id, subtotalMinor: 9900, createdAt: soldAt }),
      lemonSqueezyEvent("order_created", { orderId: second, affiliateId: affiliate.id, subtotalMinor: 8000, createdAt: soldAt }),
      lemonSqueezyEvent("order_created", { orderId: unattributed, affiliateId: null, subtotalMinor: 5000, createdAt: soldAt }),
    ];
    for (const event of [...events, ...events]) await postOk(event);
    for (const id of [first, second, unattributed]) await ledgerCaughtUp(orderKeyOf("lemonsqueezy", id), () => true, 120_000);

    // 9900 × 50% = 4950; 8000 − 3000 refunded = 5000 × 50% = 2500.
    await expect.poll(() => affiliateMonth(affiliate.id, soldAt)).toEqual({
      sales: 2,
      revenueMinor: 9900 + 5000,
      refundedMinor: 3000,
      affiliateSales: 2,
      affiliateRevenueMinor: 9900 + 5000,
      commissionMinor: 4950 + 2500,
    });
    // Sold a year ago: past the 30-day window, so the day it is payable from is long gone.
    await expect.poll(() => applied(orderKeyOf("lemonsqueezy", second))).toMatchObject({
      currency: "USD",
      day: "2025-03-10",
      affiliateId: affiliate.id,
      revenueMinor: 5000,
      refundedMinor: 3000,
      commissionMinor: 2500,
      pendingMinor: 2500,
      payableFrom: "2025-04-10",
    });
    await expect.poll(() => applied(orderKeyOf("lemonsqueezy", unattributed))).toMatchObject({ affiliateId: null, revenueMinor: 5000, commissionMinor: 0, pendingMinor: 0 });
  }, 240_000);

  it("add the clicks a fold counts to the program's day, once", async () => {
    const { id } = await createAffiliate();
    const day = new Date().toISOString().slice(0, 10);
    const programDay = async (): Promise<number> => {
      const year = Number(day.slice(0, 4));
      const refs = Array.from({ length: PROGRAM_STATS_SHARDS }, (_, shard) => db().doc(`programStats/${programClicksKeyOf(year, shard)}`));
      let clicks = 0;
      for (const snap of await db().getAll(...refs)) {
        const stats = readProgramStatsDoc(snap.data());
        if (stats?.kind === "clicks") clicks += stats.days[day.slice(5)]?.clicks ?? 0;
      }
      return clicks;
    };
    const before = await programDay();
    const visitors = fakeVisitors(3);
    for (const visitor of visitors) expect((await postBeacon(visitor, id)).status).toBe(204);
    const [again] = visitors;
    if (again) expect((await postBeacon(again, id)).status).toBe(204);
    expect(await settledTotals(db(), id, 4)).toMatchObject({ clicks: 4, uniques: 3 });
    await eventually(async () => ((await programDay()) >= before + 4 ? true : undefined), "program clicks");
    expect(await programDay()).toBe(before + 4);
  }, 120_000);
});
