// Many sales and partial refunds for ONE affiliate, all posted at once: once the triggers settle,
// every ledger shard equals the sum of the contributions of its orders, field by field.
import { orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contribution } from "../../../functions/src/ledger/contribution.js";
import { lemonSqueezyEvent, paddleAdjustment, paddleTransactionCompleted, type SignedRequest } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import { appliedContribution, daysAgoIso, expectedContribution, ledgerCaughtUp, orderNumber, postOk, storedLedgers, sumOfContributions } from "../order-support";

const SALES = 40;
const REFUNDS = 20;

beforeAll(() => {
  db();
});

describe("ledger under concurrent updates", () => {
  it(`${SALES} sales and ${REFUNDS} partial refunds at once: Σ shards = Σ contributions = Σ commissions.applied`, { timeout: 240_000 }, async () => {
    const affiliate = await createAffiliate();
    const orderKeys: string[] = [];
    const requests: SignedRequest[] = [];
    for (let i = 0; i < SALES; i++) {
      // Spread over 60 days, so some commissions are payable and some pending, on many days.
      const createdAt = daysAgoIso((i * 3) % 60);
      if (i % 2 === 0) {
        const orderId = orderNumber();
        orderKeys.push(orderKeyOf("lemonsqueezy", orderId));
        const subtotalMinor = 1999 + i * 101; // odd amounts exercise half-even rounding
        requests.push(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor, createdAt }));
        if (i % 4 === 0) {
          const updatedAt = new Date(Date.parse(createdAt) + 3_600_000).toISOString();
          requests.push(lemonSqueezyEvent("order_refunded", { orderId, affiliateId: affiliate.id, subtotalMinor, refundedMinor: 777 + i, createdAt, updatedAt }));
        }
      } else {
        const txn = uniqueId("txn_c");
        orderKeys.push(orderKeyOf("paddle", txn));
        const totalMinor = 5900 + i * 97;
        requests.push(paddleTransactionCompleted({ transactionId: txn, affiliateId: affiliate.id, customerId: uniqueId("ctm_c"), totalMinor, taxMinor: 900, feeMinor: 333, occurredAt: createdAt }));
        if (i % 4 === 1) {
          requests.push(paddleAdjustment({ adjustmentId: uniqueId("adj_c"), transactionId: txn, action: "refund", totalMinor: 1180, earningsMinor: 955 + i }));
        }
      }
    }
    expect(requests).toHaveLength(SALES + REFUNDS);

    // Refunds may overtake their sales: arrival order must not matter.
    await Promise.all(requests.map((r) => postOk(r)));

    const orders = await Promise.all(orderKeys.map((key) => ledgerCaughtUp(key, (o) => o.facts.sale !== null, 180_000)));
    const refunded = orders.filter((o) => o.refundedGrossMinor > 0);
    expect(refunded).toHaveLength(REFUNDS);

    const expected = orders.map((order, i) => expectedContribution(orderKeys[i] as string, order));
    expect(expected.every((c) => c !== null && c.affiliateId === affiliate.id)).toBe(true);
    const fromOrders = sumOfContributions(expected);

    const fromCommissions = sumOfContributions(await Promise.all(orderKeys.map(appliedContribution)));

    const stored = await storedLedgers(affiliate.id);
    expect(Object.keys(stored).sort()).toEqual(Object.keys(fromOrders).sort());
    for (const [id, shard] of Object.entries(fromOrders)) {
      expect(stored[id], id).toEqual(shard);
      expect(fromCommissions[id], id).toEqual(shard);
    }
    const total = (pick: (c: Contribution) => number) => expected.reduce((sum, c) => sum + (c ? pick(c) : 0), 0);
    const storedTotal = (pick: (s: (typeof stored)[string]) => number) => Object.values(stored).reduce((sum, s) => sum + pick(s), 0);
    expect(storedTotal((s) => s.earnedMinor)).toBe(total((c) => c.earnedMinor));
    expect(storedTotal((s) => s.sales)).toBe(SALES);
    expect(storedTotal((s) => s.refunds)).toBe(REFUNDS);
  });
});
