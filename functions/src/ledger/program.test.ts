import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { payableFromDay } from "../../../contracts/program-stats.js";
import type { DerivedOrder } from "../orders/derive.js";
import { shardOf } from "./contribution.js";
import { diffProgramContributions, programContributionOf, readProgramContribution, type ProgramContribution } from "./program.js";

const sale: DerivedOrder & { courseId: string | null } = {
  status: "paid",
  affiliateId: "alice_01",
  currency: "EUR",
  grossMinor: 1200,
  taxMinor: 200,
  feeMinor: 90,
  netMinor: 999,
  baseCurrency: "USD",
  refundedGrossMinor: 0,
  refundedBaseMinor: 0,
  rateBps: 5000,
  originalCommissionMinor: 500,
  commissionMinor: 500,
  commissionCurrency: "USD",
  paidOutMinor: 0,
  saleAt: "2026-11-21T23:30:00.000Z",
  refundWindowDays: 30,
  payableAt: "2026-12-21T23:30:00.000Z",
  flag: null,
  flagApproved: false,
  test: false,
  courseId: "typescript",
};

/** Applies deltas as Firestore increments would: document → dotted path → amount, zeros dropped. */
function apply(state: Map<string, Record<string, number>>, oldC: ProgramContribution | null, newC: ProgramContribution | null): void {
  for (const delta of diffProgramContributions(oldC, newC)) {
    const doc = { ...(state.get(delta.docKey) ?? {}) };
    for (const [path, value] of Object.entries(delta.fields)) {
      const next = (doc[path] ?? 0) + value;
      if (next === 0) delete doc[path];
      else doc[path] = next;
    }
    if (Object.keys(doc).length === 0) state.delete(delta.docKey);
    else state.set(delta.docKey, doc);
  }
}

describe("programContributionOf", () => {
  it("counts an attributed sale as revenue, affiliate revenue, commission and pending", () => {
    const c = programContributionOf("paddle_txn_1", sale);
    expect(c).toEqual({
      currency: "USD",
      shard: shardOf("paddle_txn_1"),
      day: "2026-11-21",
      affiliateId: "alice_01",
      course: "typescript",
      revenueMinor: 999,
      refundedMinor: 0,
      commissionMinor: 500,
      payableFrom: "2026-12-22",
      pendingMinor: 500,
      flaggedMinor: 0,
      carryMinor: 0,
      paidMinor: 0,
    });
    const [salesDoc, balancesDoc] = diffProgramContributions(null, c);
    expect(salesDoc?.docKey).toBe(`USD_2026_${shardOf("paddle_txn_1")}`);
    expect(salesDoc?.fields).toMatchObject({
      "days.11-21.sales": 1,
      "days.11-21.revenueMinor": 999,
      "days.11-21.affiliateRevenueMinor": 999,
      "months.11.affiliates.alice_01.commissionMinor": 500,
      "months.11.courses.typescript.sales": 1,
    });
    expect(balancesDoc?.fields).toEqual({ "pendingByDay.2026-12-22": 500 });
  });

  it("counts an unattributed sale as revenue only, under no course when it has none", () => {
    const c = programContributionOf("x", { ...sale, affiliateId: null, commissionMinor: 0, originalCommissionMinor: 0, courseId: null });
    expect(c).toMatchObject({ affiliateId: null, course: "_none", revenueMinor: 999, commissionMinor: 0, pendingMinor: 0, payableFrom: null });
    const deltas = diffProgramContributions(null, c);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]?.fields["days.11-21.affiliateSales"]).toBeUndefined();
  });

  it("leaves out test orders and orders without a sale", () => {
    expect(programContributionOf("x", { ...sale, test: true })).toBeNull();
    expect(programContributionOf("x", { ...sale, saleAt: null })).toBeNull();
  });

  it("moves paid and refunded commission out of pending", () => {
    const paid = programContributionOf("x", { ...sale, paidOutMinor: 500 });
    expect(paid).toMatchObject({ pendingMinor: 0, paidMinor: 500, payableFrom: null });
    const refundedAfterPayout = programContributionOf("x", { ...sale, paidOutMinor: 500, commissionMinor: 0, refundedBaseMinor: 999 });
    expect(refundedAfterPayout).toMatchObject({ revenueMinor: 0, refundedMinor: 999, carryMinor: -500, paidMinor: 500 });
  });

  it("payable from the next UTC day, or that day at midnight", () => {
    expect(payableFromDay("2026-12-21T23:30:00.000Z")).toBe("2026-12-22");
    expect(payableFromDay("2026-12-21T00:00:00.000Z")).toBe("2026-12-21");
  });

  it("reads back what it stores", () => {
    const c = programContributionOf("x", sale);
    expect(readProgramContribution(JSON.parse(JSON.stringify(c)))).toEqual(c);
    expect(readProgramContribution(undefined)).toBeNull();
  });
});

describe("diffProgramContributions", () => {
  const states = fc.record({
    affiliateId: fc.constantFrom<string | null>("alice_01", "bob_02", null),
    refundedBaseMinor: fc.integer({ min: 0, max: 999 }),
    paidOutMinor: fc.constantFrom(0, 250, 500),
    flag: fc.constantFrom<DerivedOrder["flag"]>(null, "self_referral"),
    baseCurrency: fc.constantFrom("USD", "EUR"),
    saleAt: fc.constantFrom("2026-11-21T23:30:00.000Z", "2025-12-31T10:00:00.000Z"),
  });

  it("leaves the summaries equal to the last contribution, whatever came before", () => {
    fc.assert(
      fc.property(fc.array(states, { minLength: 1, maxLength: 6 }), (steps) => {
        const orders = steps.map((s) => ({
          ...sale,
          ...s,
          commissionCurrency: s.baseCurrency,
          commissionMinor: s.affiliateId ? Math.round((999 - s.refundedBaseMinor) / 2) : 0,
        }));
        const state = new Map<string, Record<string, number>>();
        let applied: ProgramContribution | null = null;
        for (const order of orders) {
          const next = programContributionOf("lemonsqueezy_1", order);
          apply(state, applied, next);
          // A repeated trigger for the same state adds nothing.
          apply(state, next, next);
          applied = next;
        }
        const direct = new Map<string, Record<string, number>>();
        apply(direct, null, applied);
        expect(state).toEqual(direct);
      }),
    );
  });
});
