import { describe, expect, it } from "vitest";
import type { ParsedEvent, RefundFact, SaleFacts } from "../domain/types.js";
import { attribute, manualAttribution, type Attribution } from "./attribution.js";
import { deriveOrder, type DeriveContext } from "./derive.js";
import { addFact, emptyFacts, type OrderFacts } from "./facts.js";

const common = { platform: "lemonsqueezy", eventType: "x", occurredAt: "2026-11-21T10:00:00Z", orderId: "1", test: false } as const;

function sale(overrides: Partial<SaleFacts> = {}, test = false): ParsedEvent {
  return {
    ...common,
    test,
    eventKey: "sale",
    kind: "sale",
    sale: {
      soldAt: "2026-11-21T10:00:00.000Z",
      currency: "USD",
      grossMinor: 999,
      taxMinor: 0,
      feeMinor: 80,
      baseCurrency: "USD",
      baseMinor: 999,
      productId: "p",
      productName: "Course",
      customerId: null,
      customerEmail: "buyer@example.com",
      customerName: null,
      affiliate: { value: "alice_01", field: "meta.custom_data.aff" },
      subscription: null,
      discount: null,
      ...overrides,
    },
  };
}

function refund(refundId: string, grossMinor: number, extra: Partial<RefundFact> = {}): ParsedEvent {
  return { ...common, eventKey: `r-${refundId}-${grossMinor}`, kind: "refund", refund: { refundId, mode: "increment", at: "2026-11-25T00:00:00.000Z", grossMinor, baseMinor: null, full: false, currency: null, baseCurrency: null, ...extra } };
}

function chargeback(state: "open" | "reversed", chargebackId = "cb_1"): ParsedEvent {
  return { ...common, eventKey: `cb-${state}`, kind: "chargeback", chargeback: { chargebackId, state, at: "2026-12-01T00:00:00.000Z" } };
}

const credited: Attribution = attribute({
  ref: { value: "alice_01", field: "f" },
  candidate: { id: "alice_01", status: "active", email: "alice@example.com", rateBps: null, courseRates: {}, codeOnlyApproval: false },
  customerEmail: "buyer@example.com",
  test: false,
});

const ctx = (overrides: Partial<DeriveContext> = {}): DeriveContext => ({
  attribution: credited,
  rateBps: 5000,
  defaultRateBps: 3000,
  refundWindowDays: 30,
  flagApproved: false,
  payouts: {},
  ...overrides,
});

const fold = (events: ParsedEvent[]): OrderFacts => events.reduce(addFact, emptyFacts());

describe("deriveOrder", () => {
  it("derives a paid order", () => {
    expect(deriveOrder(fold([sale()]), ctx())).toEqual({
      status: "paid",
      affiliateId: "alice_01",
      currency: "USD",
      grossMinor: 999,
      taxMinor: 0,
      feeMinor: 80,
      netMinor: 999,
      baseCurrency: "USD",
      refundedGrossMinor: 0,
      refundedBaseMinor: 0,
      rateBps: 5000,
      originalCommissionMinor: 500,
      commissionMinor: 500,
      commissionCurrency: "USD",
      paidOutMinor: 0,
      saleAt: "2026-11-21T10:00:00.000Z",
      refundWindowDays: 30,
      payableAt: "2026-12-21T10:00:00.000Z",
      flag: null,
      flagApproved: false,
      test: false,
    });
  });

  it("waits for the sale when only a refund is known (W-19)", () => {
    const order = deriveOrder(fold([refund("adj_1", 100)]), ctx({ attribution: null }));
    expect(order).toMatchObject({ status: "awaiting_sale", affiliateId: null, commissionMinor: 0, currency: null, saleAt: null, payableAt: null });
  });

  it("uses the program default when no rate was snapshotted", () => {
    const order = deriveOrder(fold([sale()]), ctx({ rateBps: null }));
    expect(order.rateBps).toBe(3000);
    expect(order.commissionMinor).toBe(300); // 999 × 30% = 299.7
  });

  it("takes each refund off in turn (M-05)", () => {
    const steps = [
      [sale()],
      [sale(), refund("a", 333)],
      [sale(), refund("a", 333), refund("b", 333)],
      [sale(), refund("a", 333), refund("b", 333), refund("c", 333)],
    ].map((events) => deriveOrder(fold(events), ctx()));
    expect(steps.map((o) => o.commissionMinor)).toEqual([500, 333, 166, 0]);
    expect(steps.map((o) => o.status)).toEqual(["paid", "partially_refunded", "partially_refunded", "refunded"]);
    expect(steps.map((o) => o.originalCommissionMinor)).toEqual([500, 500, 500, 500]);
    expect(steps.map((o) => o.refundedBaseMinor)).toEqual([0, 333, 666, 999]);
  });

  it("follows a cumulative refund's largest value", () => {
    const c = (n: number): ParsedEvent => refund(`ls-${n}`, n, { mode: "cumulative" });
    expect(deriveOrder(fold([sale(), c(666), c(333)]), ctx()).commissionMinor).toBe(166);
    expect(deriveOrder(fold([sale(), c(999), c(666)]), ctx())).toMatchObject({ status: "refunded", commissionMinor: 0 });
  });

  it("uses the base the platform reports for a refund", () => {
    const facts = fold([sale({ currency: "EUR", grossMinor: 1000, baseCurrency: "USD", baseMinor: 1080 }), refund("adj_1", 500, { baseMinor: 541 })]);
    const order = deriveOrder(facts, ctx());
    expect(order).toMatchObject({ refundedGrossMinor: 500, refundedBaseMinor: 541, commissionMinor: 270, originalCommissionMinor: 540 });
    expect(order.commissionCurrency).toBe("USD");
  });

  it("caps an over-refund and zeroes a full refund whatever the reported base", () => {
    const over = deriveOrder(fold([sale(), refund("a", 600), refund("b", 600)]), ctx());
    expect(over).toMatchObject({ status: "refunded", refundedGrossMinor: 999, refundedBaseMinor: 999, commissionMinor: 0 });
    const short = deriveOrder(fold([sale(), refund("a", 999, { baseMinor: 990 })]), ctx());
    expect(short).toMatchObject({ status: "refunded", refundedBaseMinor: 999, commissionMinor: 0 });
  });

  it("zeroes the commission while a chargeback is open and restores it on reversal (W-23)", () => {
    expect(deriveOrder(fold([sale(), chargeback("open")]), ctx())).toMatchObject({ status: "chargeback", commissionMinor: 0, originalCommissionMinor: 500 });
    expect(deriveOrder(fold([chargeback("reversed"), sale(), chargeback("open")]), ctx())).toMatchObject({ status: "paid", commissionMinor: 500 });
    // A reversal carrying an id of its own still closes the dispute.
    expect(deriveOrder(fold([sale(), chargeback("open", "cb_1"), chargeback("reversed", "cb_2")]), ctx()).status).toBe("paid");
  });

  it("earns nothing on an unattributed or test order", () => {
    const none = attribute({ ref: { value: null, field: null }, candidate: null, customerEmail: null, test: false });
    expect(deriveOrder(fold([sale()]), ctx({ attribution: none }))).toMatchObject({ affiliateId: null, commissionMinor: 0, originalCommissionMinor: 0 });
    const test = deriveOrder(fold([sale({}, true)]), ctx({ attribution: manualAttribution("alice_01", "owner") }));
    expect(test).toMatchObject({ test: true, commissionMinor: 0, originalCommissionMinor: 0 });
  });

  it("flags a self-referral", () => {
    const self = { ...credited, selfReferral: true };
    expect(deriveOrder(fold([sale()]), ctx({ attribution: self })).flag).toBe("self_referral");
    expect(deriveOrder(fold([sale()]), ctx({ attribution: self, flagApproved: true }))).toMatchObject({ flag: "self_referral", flagApproved: true });
  });

  it("sums payouts", () => {
    expect(deriveOrder(fold([sale()]), ctx({ payouts: { po_1: 200, po_2: 300 } })).paidOutMinor).toBe(500);
  });

  it("handles JPY and KWD amounts", () => {
    expect(deriveOrder(fold([sale({ currency: "JPY", baseCurrency: "JPY", grossMinor: 1499, baseMinor: 1499 })]), ctx()).commissionMinor).toBe(750);
    const kwd = fold([sale({ currency: "KWD", baseCurrency: "KWD", grossMinor: 12345, baseMinor: 12345 }), refund("a", 1234)]);
    // 12.345 − 1.234 = 11.111 KWD, × 50% = 5.5555 → 5.556 (tie to even)
    expect(deriveOrder(kwd, ctx()).commissionMinor).toBe(5556);
  });

  it("reaches the same order for all 3! arrival orders of sale, partial and full refund (W-19)", () => {
    const events = [sale(), refund("adj_1", 400), refund("adj_2", 599)];
    const perms = [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]];
    const results = perms.map((p) => deriveOrder(fold(p.map((i) => events[i] ?? sale())), ctx()));
    for (const r of results) expect(r).toEqual(results[0]);
    expect(results[0]).toMatchObject({ status: "refunded", commissionMinor: 0, refundedGrossMinor: 999 });
    // With only the partial refund, every order of the two events agrees too.
    const partial = [[sale(), refund("adj_1", 400)], [refund("adj_1", 400), sale()]].map((e) => deriveOrder(fold(e), ctx()));
    expect(partial[0]).toEqual(partial[1]);
    expect(partial[0]?.commissionMinor).toBe(300); // 599 × 50% = 299.5 → 300
  });
});

describe("deriveOrder: tax refunds, credits, full adjustments, currencies (issue 11)", () => {
  const paddleSale = sale({ grossMinor: 11000, taxMinor: 1000, baseMinor: 9000 });
  const full = (refundId: string, sign = 1): ParsedEvent => refund(refundId, sign * 1, { full: true, baseMinor: sign * 1 });

  it("accepts a tax-only refund with negative earnings, before or after its sale, and keeps the commission", () => {
    const tax = refund("adj_tax", 1000, { baseMinor: -50 });
    for (const events of [[paddleSale, tax], [tax, paddleSale]]) {
      expect(deriveOrder(fold(events), ctx())).toMatchObject({ status: "partially_refunded", refundedGrossMinor: 1000, refundedBaseMinor: 0, commissionMinor: 4500 });
    }
    // The signed sum is clamped only as a whole: a later refund of 3000 base nets 2950 after the tax one.
    const partial = refund("adj_p", 3300, { baseMinor: 3000 });
    expect(deriveOrder(fold([tax, partial, paddleSale]), ctx())).toMatchObject({ refundedBaseMinor: 2950, commissionMinor: 3025 });
  });

  it("lowers the commission for a credit and restores it on credit_reverse", () => {
    const credit = refund("adj_c", 2200, { baseMinor: 1800 });
    const reverse = refund("adj_cr", -2200, { baseMinor: -1800 });
    expect(deriveOrder(fold([paddleSale, credit]), ctx())).toMatchObject({ commissionMinor: 3600, refundedBaseMinor: 1800 });
    expect(deriveOrder(fold([reverse, paddleSale, credit]), ctx())).toMatchObject({ status: "paid", commissionMinor: 4500, refundedBaseMinor: 0 });
    // A reversal alone never raises the commission above the original.
    expect(deriveOrder(fold([paddleSale, reverse]), ctx())).toMatchObject({ commissionMinor: 4500, refundedGrossMinor: 0 });
  });

  it("treats a full adjustment as the whole grand total, whatever amounts it carries", () => {
    expect(deriveOrder(fold([full("adj_f"), paddleSale]), ctx())).toMatchObject({ status: "refunded", refundedGrossMinor: 11000, refundedBaseMinor: 9000, commissionMinor: 0 });
    expect(deriveOrder(fold([paddleSale, full("adj_f"), full("adj_fr", -1)]), ctx())).toMatchObject({ status: "paid", commissionMinor: 4500 });
  });

  it("does not apply a refund in another currency than its sale, and flags the order for review (W-25)", () => {
    const eur = refund("adj_eur", 5500, { currency: "EUR", baseMinor: 4500, baseCurrency: "EUR" });
    const order = deriveOrder(fold([paddleSale, eur]), ctx());
    expect(order).toMatchObject({ flag: "refund_currency", commissionMinor: 4500, refundedGrossMinor: 0, status: "paid" });
    const payoutCurrency = refund("adj_gbp", 5500, { currency: "USD", baseMinor: 4000, baseCurrency: "GBP" });
    expect(deriveOrder(fold([paddleSale, payoutCurrency]), ctx()).flag).toBe("refund_currency");
    // The same refund in the sale's currencies applies; facts stored before currencies were kept too.
    expect(deriveOrder(fold([paddleSale, refund("adj_usd", 5500, { currency: "USD", baseMinor: 4500, baseCurrency: "USD" })]), ctx())).toMatchObject({ flag: null, commissionMinor: 2250 });
  });

  it("pays from the exact sale time plus the order's window", () => {
    expect(deriveOrder(fold([sale({ soldAt: "2026-11-21T23:59:30.250Z" })]), ctx({ refundWindowDays: 14 }))).toMatchObject({
      refundWindowDays: 14,
      payableAt: "2026-12-05T23:59:30.250Z",
    });
  });
});
