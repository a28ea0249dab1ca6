// Issue 11 through the real endpoints: tax and VAT refunds, credits and their reversals, `full`
// adjustments against the grand total, credit decided once, repeated disputes, a refund in another
// currency, exact maturity and zero-value transactions. Refunds arrive before and after their sale.
import { beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import { balancesAt, payableKey } from "../../../contracts/ledger";
import { selectAllocations } from "../../../functions/src/payouts/select";
import type { ProgramSettings } from "../../../contracts/program-settings";
import {
  classicTime,
  paddleAdjustment,
  paddleClassicPayment,
  paddleClassicRefund,
  paddleCustomer,
  paddleTransactionCompleted,
  type SignedRequest,
} from "../../../scripts/lib/webhooks";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import { mailsOf, storedLedgers } from "../order-support";
import { candidateOf, classicRequest, deliver, eventRefOf, expectOrderMatches, orderRef, parsedOf, permutations, predict, readSettings, settled } from "./support";

let settings: ProgramSettings;
beforeAll(async () => {
  settings = await readSettings();
});

const DAY_MS = 86_400_000;

/** A Paddle sale of 110.00 (tax 10.00, fee 10.00: base 90.00) credited to the affiliate. */
function paddleSale(affiliateId: string, extra: { grandTotalMinor?: number; occurredAt?: string; customerId?: string } = {}) {
  const txn = uniqueId("txn_m");
  const sale = paddleTransactionCompleted({ transactionId: txn, affiliateId, totalMinor: 11000, taxMinor: 1000, feeMinor: 1000, customerId: extra.customerId ?? uniqueId("ctm"), ...extra });
  return { txn, orderKey: orderKeyOf("paddle", txn), sale };
}

/** Delivers the requests in this order and returns the settled order, checked against the pure prediction. */
async function deliverAll(orderKey: string, requests: readonly SignedRequest[], affiliate: { id: string; email: string }) {
  for (const request of requests) await deliver(request, "applied");
  const { order, commission } = await settled(orderKey);
  expectOrderMatches(order, predict(orderKey, requests.map(parsedOf), { candidate: candidateOf(affiliate, 5000), settings }));
  return { order, commission };
}

describe("tax and VAT refunds (finding 1)", () => {
  it("Paddle: a tax adjustment with negative earnings is applied before or after its sale and keeps the commission", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    for (const taxFirst of [true, false]) {
      const { txn, orderKey, sale } = paddleSale(affiliate.id);
      const tax = paddleAdjustment({ adjustmentId: uniqueId("adj_tax"), transactionId: txn, action: "refund", totalMinor: 1000, earningsMinor: -50 });
      const { order, commission } = await deliverAll(orderKey, taxFirst ? [tax, sale] : [sale, tax], affiliate);
      expect(order).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 1000, refundedBaseMinor: 0, commissionMinor: 4500 });
      expect(commission).toMatchObject({ commissionMinor: 4500 });
    }
  });

  it("Paddle Classic: a VAT-only refund with a negative earnings decrease, before or after its sale", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    for (const refundFirst of [true, false]) {
      const orderId = uniqueId("cl_vat");
      const sale = paddleClassicPayment({ alertId: uniqueId("al"), orderId, affiliateId: affiliate.id, saleGross: "110.00", paymentTax: "10.00", balanceEarnings: "90.00", balanceFee: "10.00", eventTime: "2026-02-01 10:00:00" });
      const vat = paddleClassicRefund({ alertId: uniqueId("al"), orderId, grossRefund: "10.00", balanceEarningsDecrease: "-0.40", refundType: "vat", eventTime: "2026-02-02 10:00:00" });
      const { order } = await deliverAll(orderKeyOf("paddle-classic", orderId), refundFirst ? [vat, sale] : [sale, vat], affiliate);
      expect(order).toMatchObject({ status: "partially_refunded", refundedBaseMinor: 0, commissionMinor: 4500 });
    }
  });
});

describe("credits and full adjustments (finding 2)", () => {
  it("a credit lowers the commission and its credit_reverse restores it, in every arrival order", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const runs = permutations(["sale", "credit", "reverse"] as const).map((steps) => {
      const s = paddleSale(affiliate.id);
      const events = {
        sale: s.sale,
        credit: paddleAdjustment({ adjustmentId: uniqueId("adj_c"), transactionId: s.txn, action: "credit", totalMinor: 2200, earningsMinor: 1800 }),
        reverse: paddleAdjustment({ adjustmentId: uniqueId("adj_cr"), transactionId: s.txn, action: "credit_reverse", totalMinor: 2200, earningsMinor: 1800 }),
      };
      return { s, events, steps };
    });
    // Credit alone: 90.00 − 18.00 = 72.00 at 50%.
    const credited = paddleSale(affiliate.id);
    const credit = paddleAdjustment({ adjustmentId: uniqueId("adj_c"), transactionId: credited.txn, action: "credit", totalMinor: 2200, earningsMinor: 1800 });
    const [alone, ...finals] = await Promise.all([
      deliverAll(credited.orderKey, [credit, credited.sale], affiliate),
      ...runs.map(({ s, events, steps }) => deliverAll(s.orderKey, steps.map((k) => events[k]), affiliate)),
    ]);
    expect(alone?.order).toMatchObject({ status: "partially_refunded", commissionMinor: 3600, refundedBaseMinor: 1800 });
    for (const final of finals) expect(final.order).toMatchObject({ status: "paid", commissionMinor: 4500, refundedBaseMinor: 0, refundedGrossMinor: 0 });
  });

  it("the sale's gross is the grand total after credits, and a `full` refund takes it all whatever its totals", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    for (const refundFirst of [true, false]) {
      const s = paddleSale(affiliate.id, { grandTotalMinor: 8000 });
      const full = paddleAdjustment({ adjustmentId: uniqueId("adj_f"), transactionId: s.txn, action: "refund", type: "full", totalMinor: 8000, earningsMinor: 6500 });
      const { order, commission } = await deliverAll(s.orderKey, refundFirst ? [full, s.sale] : [s.sale, full], affiliate);
      expect(order).toMatchObject({ grossMinor: 8000, status: "refunded", refundedGrossMinor: 8000, refundedBaseMinor: 9000, commissionMinor: 0, originalCommissionMinor: 4500 });
      expect(commission).toMatchObject({ commissionMinor: 0, status: "refunded" });
    }
  });
});

describe("credit is decided once, when the sale is first seen (finding 3)", () => {
  it("a sale seen while its affiliate was pending stays unattributed when a refund or customer event arrives after activation", async () => {
    const affiliate = await createAffiliate({ status: "pending", rateBps: 5000 });
    const customerId = uniqueId("ctm");
    const s = paddleSale(affiliate.id, { customerId });
    await deliver(s.sale, "applied");
    expect((await settled(s.orderKey)).order.attribution).toMatchObject({ affiliateId: null, reason: "inactive" });
    await db().doc(`affiliates/${affiliate.id}`).update({ status: "active" });
    await deliver(paddleAdjustment({ adjustmentId: uniqueId("adj"), transactionId: s.txn, action: "refund", totalMinor: 1100, earningsMinor: 900 }), "applied");
    await deliver(paddleCustomer(customerId, "buyer@example.com", "Buyer"), "customer");
    const { order, commission } = await settled(s.orderKey);
    expect(order).toMatchObject({ affiliateId: null, commissionMinor: 0, customerEmail: "buyer@example.com" });
    expect(order.attribution).toMatchObject({ affiliateId: null, reason: "inactive", rule: "payload_ref" });
    expect(commission).toBeNull();
  });

  it("only the self-referral flag follows a customer event that reveals the buyer is the affiliate", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const customerId = uniqueId("ctm");
    const s = paddleSale(affiliate.id, { customerId });
    await deliver(s.sale, "applied");
    expect((await settled(s.orderKey)).order).toMatchObject({ affiliateId: affiliate.id, flag: null });
    await deliver(paddleCustomer(customerId, affiliate.email.toUpperCase(), "Me"), "customer");
    const { order, commission } = await settled(s.orderKey);
    expect(order).toMatchObject({ affiliateId: affiliate.id, flag: "self_referral", commissionMinor: 4500 });
    expect(commission).toMatchObject({ status: "flagged" });
    const shards = Object.values(await storedLedgers(affiliate.id));
    expect(shards.map((l) => l.flaggedMinor)).toEqual([4500]);
  });
});

describe("repeated disputes (finding 6)", () => {
  it("Paddle: chargeback → won → second chargeback ends disputed, in every arrival order", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const at = (day: number) => new Date(Date.UTC(2026, 1, day, 10)).toISOString();
    const runs = permutations(["first", "won", "second"] as const).map((steps) => {
      const s = paddleSale(affiliate.id, { occurredAt: at(1) });
      const events = {
        first: paddleAdjustment({ adjustmentId: uniqueId("adj_cb1"), transactionId: s.txn, action: "chargeback", totalMinor: 11000, earningsMinor: 9000, occurredAt: at(3) }),
        won: paddleAdjustment({ adjustmentId: uniqueId("adj_cbr"), transactionId: s.txn, action: "chargeback_reverse", totalMinor: 11000, earningsMinor: 9000, occurredAt: at(5) }),
        second: paddleAdjustment({ adjustmentId: uniqueId("adj_cb2"), transactionId: s.txn, action: "chargeback", totalMinor: 11000, earningsMinor: 9000, occurredAt: at(9) }),
      };
      return { s, requests: [s.sale, ...steps.map((k) => events[k])] };
    });
    const finals = await Promise.all(runs.map(({ s, requests }) => deliverAll(s.orderKey, requests, affiliate)));
    for (const { order, commission } of finals) {
      expect(order).toMatchObject({ status: "chargeback", commissionMinor: 0 });
      expect(commission).toMatchObject({ status: "reversed", commissionMinor: 0 });
    }
  });

  it("Paddle Classic: a dispute closed (won) then a new dispute ends disputed", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const orderId = uniqueId("cl_cb");
    const dispute = (alert: string, day: number) =>
      classicRequest({ alert_id: uniqueId("al_d"), alert_name: alert, order_id: orderId, amount: "110.00", currency: "USD", status: alert.endsWith("closed") ? "closed" : "open", event_time: classicTime(new Date(Date.UTC(2026, 1, day, 10))) });
    const sale = paddleClassicPayment({ alertId: uniqueId("al"), orderId, affiliateId: affiliate.id, saleGross: "110.00", paymentTax: "10.00", balanceEarnings: "90.00", balanceFee: "10.00", eventTime: "2026-02-01 10:00:00" });
    const requests = [dispute("payment_dispute_created", 9), sale, dispute("payment_dispute_closed", 5), dispute("payment_dispute_created", 3)];
    const { order } = await deliverAll(orderKeyOf("paddle-classic", orderId), requests, affiliate);
    expect(order).toMatchObject({ status: "chargeback", commissionMinor: 0 });
  });
});

describe("a refund in another currency than its sale (finding 7, W-25)", () => {
  it("is not applied: the order is flagged for the owner and its commission held, before or after the sale", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    for (const refundFirst of [true, false]) {
      const s = paddleSale(affiliate.id);
      const eur = paddleAdjustment({ adjustmentId: uniqueId("adj_eur"), transactionId: s.txn, action: "refund", totalMinor: 5500, earningsMinor: 4500, currency: "EUR", payoutCurrency: "EUR" });
      const { order, commission } = await deliverAll(s.orderKey, refundFirst ? [eur, s.sale] : [s.sale, eur], affiliate);
      expect(order).toMatchObject({ flag: "refund_currency", flagApproved: false, status: "paid", refundedGrossMinor: 0, commissionMinor: 4500 });
      expect(Object.keys(order.facts.refunds)).toHaveLength(1);
      expect(commission).toMatchObject({ status: "flagged", commissionMinor: 4500 });
    }
    const shards = Object.values(await storedLedgers(affiliate.id));
    expect(shards.reduce((sum, l) => sum + l.flaggedMinor, 0)).toBe(9000);
    expect(shards.flatMap((l) => Object.values(l.pendingByDay)).filter((v) => v !== 0)).toEqual([]);
  });
});

describe("exact maturity (finding 8)", () => {
  it("payableAt is the exact sale time plus the window snapshotted on the order; ledger, balances and payouts use it to the second", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const soldAt = "2026-02-01T23:59:30.125Z";
    const s = paddleSale(affiliate.id, { occurredAt: soldAt });
    const { order } = await deliverAll(s.orderKey, [s.sale], affiliate);
    const payableAt = new Date(Date.parse(soldAt) + settings.refundWindowDays * DAY_MS);
    expect(order.refundWindowDays).toBe(settings.refundWindowDays);
    expect(order.payableAt).toBe(payableAt.toISOString());
    const shards = Object.values(await storedLedgers(affiliate.id));
    expect(shards.map((l) => l.pendingByDay)).toEqual([{ [payableKey(payableAt.toISOString())]: 4500 }]);
    // The start of the payable day was payable under UTC-day maturity; now only the second after.
    const dayStart = new Date(`${payableAt.toISOString().slice(0, 10)}T00:00:00.000Z`);
    expect(balancesAt(shards, dayStart).USD).toMatchObject({ pendingMinor: 4500, payableMinor: 0 });
    expect(balancesAt(shards, new Date(payableAt.getTime() - 1)).USD).toMatchObject({ pendingMinor: 4500, payableMinor: 0 });
    expect(balancesAt(shards, new Date(payableAt.getTime() + 875)).USD).toMatchObject({ pendingMinor: 0, payableMinor: 4500 });
    const candidate = { ...order, orderKey: s.orderKey };
    expect(selectAllocations([candidate], affiliate.id, "USD", dayStart)).toEqual([]);
    expect(selectAllocations([candidate], affiliate.id, "USD", new Date(payableAt.getTime() + 875))).toEqual([{ orderKey: s.orderKey, amountMinor: 4500 }]);
  });
});

describe("zero-value transactions (finding 9)", () => {
  it("Paddle: a payment-method change is stored as an ignored event, makes no order and sends no mail", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const txn = uniqueId("txn_zero");
    const zero = paddleTransactionCompleted({ transactionId: txn, affiliateId: affiliate.id, totalMinor: 0, taxMinor: 0, feeMinor: 0 });
    await deliver(zero, "ignored");
    const event = await eventRefOf(zero).get();
    expect(event.data()).toMatchObject({ status: "ignored" });
    expect(JSON.stringify(event.data())).toContain("zero-value transaction");
    await new Promise((r) => setTimeout(r, 2_000));
    expect((await orderRef(orderKeyOf("paddle", txn)).get()).exists).toBe(false);
    expect(await mailsOf(orderKeyOf("paddle", txn))).toEqual([]);
  });
});
