// Arrival order and money (W-19, W-21, W-23, M-05): the final order depends only on which events
// arrived, never on their order, and refunds take back exactly what the sale earned.
import { orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgramSettings } from "../../../contracts/program-settings";
import type { OrderRecord } from "../../../functions/src/orders/record";
import {
  classicTime,
  lemonSqueezyEvent,
  paddleAdjustment,
  paddleClassicPayment,
  paddleClassicRefund,
  paddleTransactionCompleted,
  type SignedRequest,
} from "../../../scripts/lib/webhooks";
import { createAffiliate, uniqueId } from "../../support/emulator";
import {
  candidateOf,
  classicRequest,
  deliver,
  expectedLedger,
  expectOrderMatches,
  ledgerSum,
  parsedOf,
  permutations,
  predict,
  readSettings,
  settled,
} from "./support";

let settings: ProgramSettings;
beforeAll(async () => {
  settings = await readSettings();
});

type Scenario = { orderKey: string; sale: SignedRequest; partial: SignedRequest; full: SignedRequest };

/** Sale of 100.00 (no tax, fee 5.00), a partial refund of 30.00 and a refund of the rest, per platform. */
const scenarios: Record<string, (affiliateId: string) => Scenario> = {
  paddle: (affiliateId) => {
    const txn = uniqueId("txn_perm");
    return {
      orderKey: orderKeyOf("paddle", txn),
      sale: paddleTransactionCompleted({ transactionId: txn, affiliateId, totalMinor: 10000, taxMinor: 0, feeMinor: 500, customerId: uniqueId("ctm"), occurredAt: "2026-02-01T10:00:00.000Z" }),
      partial: paddleAdjustment({ adjustmentId: uniqueId("adj_p"), transactionId: txn, action: "refund", totalMinor: 3000, earningsMinor: 2850, occurredAt: "2026-02-02T10:00:00.000Z" }),
      full: paddleAdjustment({ adjustmentId: uniqueId("adj_f"), transactionId: txn, action: "refund", totalMinor: 7000, earningsMinor: 6650, occurredAt: "2026-02-03T10:00:00.000Z" }),
    };
  },
  lemonsqueezy: (affiliateId) => {
    const orderId = uniqueId("ls_perm");
    const base = { orderId, affiliateId, subtotalMinor: 10000, createdAt: "2026-02-01T10:00:00.000Z" };
    return {
      orderKey: orderKeyOf("lemonsqueezy", orderId),
      sale: lemonSqueezyEvent("order_created", base),
      partial: lemonSqueezyEvent("order_refunded", { ...base, refundedMinor: 3000, updatedAt: "2026-02-02T10:00:00.000Z" }),
      full: lemonSqueezyEvent("order_refunded", { ...base, refundedMinor: 10000, updatedAt: "2026-02-03T10:00:00.000Z" }),
    };
  },
  "paddle-classic": (affiliateId) => {
    const orderId = uniqueId("cl_perm");
    return {
      orderKey: orderKeyOf("paddle-classic", orderId),
      sale: paddleClassicPayment({ alertId: uniqueId("al"), orderId, affiliateId, saleGross: "100.00", paymentTax: "0.00", balanceEarnings: "95.00", balanceFee: "5.00", eventTime: "2026-02-01 10:00:00" }),
      partial: paddleClassicRefund({ alertId: uniqueId("al"), orderId, grossRefund: "30.00", balanceEarningsDecrease: "28.50", eventTime: "2026-02-02 10:00:00" }),
      full: paddleClassicRefund({ alertId: uniqueId("al"), orderId, grossRefund: "70.00", balanceEarningsDecrease: "66.50", refundType: "full", eventTime: "2026-02-03 10:00:00" }),
    };
  },
};

describe("every permutation of sale / partial refund / full refund (W-19)", () => {
  it.each(Object.keys(scenarios))("%s: the 6 orders end identical — refunded, commission 0 — and the ledger holds exactly that", async (platform) => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const build = scenarios[platform];
    if (!build) throw new Error(platform);
    // Lemon Squeezy reports no fee: its base is the whole subtotal.
    const base = platform === "lemonsqueezy" ? 10000 : 9500;
    const earned = base / 2;
    const runs = permutations(["sale", "partial", "full"] as const).map((order) => ({ order, scenario: build(affiliate.id) }));
    await Promise.all(
      runs.map(async ({ order, scenario }) => {
        for (const step of order) await deliver(scenario[step], "applied");
      }),
    );
    const finals = await Promise.all(runs.map(({ scenario }) => settled(scenario.orderKey)));
    const predictions = runs.map(({ scenario }) =>
      predict(scenario.orderKey, [scenario.sale, scenario.partial, scenario.full].map(parsedOf), { candidate: candidateOf(affiliate, 5000), settings }),
    );
    finals.forEach(({ order, commission }, i) => {
      const predicted = predictions[i];
      if (!predicted) throw new Error("no prediction");
      expectOrderMatches(order, predicted);
      expect(order).toMatchObject({ status: "refunded", commissionMinor: 0, originalCommissionMinor: earned, refundedBaseMinor: base, refundedGrossMinor: 10000 });
      expect(commission).toMatchObject({ commissionMinor: 0, originalCommissionMinor: earned, status: "refunded" });
    });
    const strip = (o: OrderRecord | undefined) => {
      if (!o) return undefined;
      const { orderId: _o, facts: _f, customerId: _c, ...rest } = o;
      return rest;
    };
    for (const { order } of finals.slice(1)) expect(strip(order)).toEqual(strip(finals[0]?.order));
    const ledger = await ledgerSum(affiliate.id);
    expect(ledger).toEqual(expectedLedger(predictions.map((p) => p.contribution)));
    expect(ledger["USD.earnedMinor"]).toBeUndefined(); // zero
    expect(ledger["USD.reversedMinor"]).toBe(6 * earned);
  });

  it("a refund before its sale waits on an order awaiting the sale, then the sale nets it (Paddle)", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = scenarios.paddle?.(affiliate.id);
    if (!s) throw new Error("paddle");
    await deliver(s.partial, "applied");
    const waiting = await settled(s.orderKey);
    expect(waiting.order).toMatchObject({ status: "awaiting_sale", affiliateId: null, commissionMinor: 0, rateBps: null });
    expect(waiting.commission).toBeNull();
    await deliver(s.sale, "applied");
    const { order, commission } = await settled(s.orderKey);
    // (9500 − 2850) × 50% = 3325.
    expect(order).toMatchObject({ status: "partially_refunded", commissionMinor: 3325, refundedBaseMinor: 2850 });
    expect(commission).toMatchObject({ commissionMinor: 3325, status: "pending" });
  });
});

describe("three partial refunds adding up to the total leave exactly 0 (M-05)", () => {
  it.each(["paddle", "lemonsqueezy"])("%s: 333 + 333 + 333 on 999 at 50%: commission 500 → 333 → 166 → 0", async (platform) => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    let orderKey: string;
    let steps: SignedRequest[];
    if (platform === "paddle") {
      const txn = uniqueId("txn_m05");
      orderKey = orderKeyOf("paddle", txn);
      steps = [
        paddleTransactionCompleted({ transactionId: txn, affiliateId: affiliate.id, totalMinor: 999, taxMinor: 0, feeMinor: 0, customerId: uniqueId("ctm") }),
        ...[1, 2, 3].map((i) => paddleAdjustment({ adjustmentId: uniqueId(`adj${i}`), transactionId: txn, action: "refund", totalMinor: 333, earningsMinor: 333 })),
      ];
    } else {
      const orderId = uniqueId("ls_m05");
      orderKey = orderKeyOf("lemonsqueezy", orderId);
      const base = { orderId, affiliateId: affiliate.id, subtotalMinor: 999, createdAt: "2026-03-01T00:00:00.000Z" };
      steps = [
        lemonSqueezyEvent("order_created", base),
        ...[333, 666, 999].map((refundedMinor, i) => lemonSqueezyEvent("order_refunded", { ...base, refundedMinor, updatedAt: `2026-03-0${i + 2}T00:00:00.000Z` })),
      ];
    }
    const seen: number[] = [];
    for (const step of steps) {
      await deliver(step, "applied");
      seen.push((await settled(orderKey)).order.commissionMinor);
    }
    expect(seen).toEqual([500, 333, 166, 0]);
    const { order, commission } = await settled(orderKey);
    expect(order.status).toBe("refunded");
    expect(commission).toMatchObject({ commissionMinor: 0, status: "refunded" });
    const ledger = await ledgerSum(affiliate.id);
    expect(ledger).toEqual(expectedLedger([predict(orderKey, steps.map(parsedOf), { candidate: candidateOf(affiliate, 5000), settings }).contribution]));
    expect(ledger["USD.reversedMinor"]).toBe(500);
    expect(ledger["USD.earnedMinor"]).toBeUndefined();
  });
});

describe("chargebacks (W-23)", () => {
  it("Paddle: chargeback takes the commission back, chargeback_reverse restores it; the ledger follows", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = scenarios.paddle?.(affiliate.id);
    if (!s) throw new Error("paddle");
    const txn = s.orderKey.slice("paddle_".length);
    await deliver(s.sale, "applied");
    await settled(s.orderKey);
    await deliver(paddleAdjustment({ adjustmentId: uniqueId("adj_cb"), transactionId: txn, action: "chargeback", totalMinor: 10000, earningsMinor: 9500 }), "applied");
    const disputed = await settled(s.orderKey);
    expect(disputed.order).toMatchObject({ status: "chargeback", commissionMinor: 0, originalCommissionMinor: 4750 });
    expect(disputed.commission).toMatchObject({ status: "reversed", commissionMinor: 0 });
    expect(await ledgerSum(affiliate.id)).toMatchObject({ "USD.reversedMinor": 4750, "USD.sales": 1 });
    expect((await ledgerSum(affiliate.id))["USD.earnedMinor"]).toBeUndefined();

    await deliver(paddleAdjustment({ adjustmentId: uniqueId("adj_cbr"), transactionId: txn, action: "chargeback_reverse", totalMinor: 10000, earningsMinor: 9500 }), "applied");
    const restored = await settled(s.orderKey);
    expect(restored.order).toMatchObject({ status: "paid", commissionMinor: 4750 });
    expect(restored.commission).toMatchObject({ status: "pending", commissionMinor: 4750 });
    const ledger = await ledgerSum(affiliate.id);
    expect(ledger["USD.earnedMinor"]).toBe(4750);
    expect(ledger["USD.reversedMinor"]).toBeUndefined();
  });

  it("Paddle Classic: payment_dispute_created then payment_dispute_closed", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const s = scenarios["paddle-classic"]?.(affiliate.id);
    if (!s) throw new Error("classic");
    const orderId = s.orderKey.slice("paddle-classic_".length);
    const dispute = (alert: string) =>
      classicRequest({ alert_id: uniqueId("al_d"), alert_name: alert, order_id: orderId, amount: "100.00", currency: "USD", status: alert.endsWith("closed") ? "closed" : "open", event_time: classicTime(new Date()) });
    await deliver(s.sale, "applied");
    await deliver(dispute("payment_dispute_created"), "applied");
    expect((await settled(s.orderKey)).order).toMatchObject({ status: "chargeback", commissionMinor: 0 });
    await deliver(dispute("payment_dispute_closed"), "applied");
    const { order, commission } = await settled(s.orderKey);
    expect(order).toMatchObject({ status: "paid", commissionMinor: 4750 });
    expect(commission?.commissionMinor).toBe(4750);
  });
});
