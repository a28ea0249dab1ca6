// The daily tidy removes the zero keys refunds leave in a shard and nothing else: balances and the
// "ledger = Σ contributions" invariant hold before and after, and a second run changes nothing.
import { ledgerKeyOf, orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import { payableKey } from "../../../contracts/ledger.js";
import { shardOf } from "../../../functions/src/ledger/contribution.js";
import { handleTidyLedgers } from "../../../functions/src/triggers/tidy-ledgers.js";
import { lemonSqueezyEvent } from "../../../scripts/lib/webhooks";
import { createAffiliate, db } from "../../support/emulator";
import { DAY_MS, expectedContribution, ledgerCaughtUp, orderNumber, postOk, storedLedgers, sumOfContributions } from "../order-support";

beforeAll(() => {
  db();
});

describe("tidy ledgers", () => {
  it("deletes zero pending days, keeps the rest, and is idempotent", async () => {
    const affiliate = await createAffiliate();
    const keep = orderNumber();
    const gone = orderNumber();
    const createdAt = new Date(Date.now() - 5 * DAY_MS).toISOString();
    const otherDay = new Date(Date.now() - 7 * DAY_MS).toISOString();
    await postOk(lemonSqueezyEvent("order_created", { orderId: keep, affiliateId: affiliate.id, subtotalMinor: 5000, createdAt: otherDay }));
    await postOk(lemonSqueezyEvent("order_created", { orderId: gone, affiliateId: affiliate.id, subtotalMinor: 9700, createdAt }));
    await ledgerCaughtUp(orderKeyOf("lemonsqueezy", gone));
    await postOk(lemonSqueezyEvent("order_refunded", { orderId: gone, affiliateId: affiliate.id, subtotalMinor: 9700, refundedMinor: 9700, createdAt, updatedAt: new Date().toISOString() }));
    const orders = [await ledgerCaughtUp(orderKeyOf("lemonsqueezy", keep)), await ledgerCaughtUp(orderKeyOf("lemonsqueezy", gone), (o) => o.status === "refunded")];

    const goneDay = payableKey(new Date(Date.parse(createdAt) + 30 * DAY_MS).toISOString());
    const ref = db().doc(`ledgers/${ledgerKeyOf({ affiliateId: affiliate.id, currency: "USD", shard: shardOf(orderKeyOf("lemonsqueezy", gone)) })}`);
    expect((await ref.get()).get("pendingByDay")).toMatchObject({ [goneDay]: 0 });
    const before = await storedLedgers(affiliate.id);

    const first = await handleTidyLedgers({ affiliateId: affiliate.id });
    expect(first).toMatchObject({ tidied: 1, removed: 1 });
    expect(Object.keys((await ref.get()).get("pendingByDay") as Record<string, number>)).not.toContain(goneDay);
    expect(await storedLedgers(affiliate.id)).toEqual(before);
    expect(await storedLedgers(affiliate.id)).toEqual(
      sumOfContributions(orders.map((o, i) => expectedContribution(orderKeyOf("lemonsqueezy", i === 0 ? keep : gone), o))),
    );

    expect(await handleTidyLedgers({ affiliateId: affiliate.id })).toMatchObject({ tidied: 0, removed: 0 });

    // A later change to the tidied order still lands right (the removed key was zero, so nothing is lost).
    await postOk(lemonSqueezyEvent("order_refunded", { orderId: gone, affiliateId: affiliate.id, subtotalMinor: 9700, refundedMinor: 9700, createdAt, updatedAt: new Date(Date.now() + 1000).toISOString() }));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(await storedLedgers(affiliate.id)).toEqual(before);
  });
});
