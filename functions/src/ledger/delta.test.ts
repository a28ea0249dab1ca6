import { describe, expect, it } from "vitest";
import type { Contribution } from "./contribution.js";
import { emptyLedger } from "../../../contracts/ledger.js";
import { addDeltas, diffContributions, flattenTotals, nestFields } from "./delta.js";

const base: Contribution = {
  affiliateId: "alice_01",
  currency: "USD",
  shard: 1,
  pendingByDay: { "2026-12-21": 500 },
  flaggedMinor: 0,
  carryMinor: 0,
  paidMinor: 0,
  reversedMinor: 0,
  earnedMinor: 500,
  sales: 1,
  refunds: 0,
  daily: { "2026-11-21": { sales: 1, saleMinor: 999, commissionMinor: 500, refundedMinor: 0 } },
};

describe("diffContributions", () => {
  it("adds a new contribution as dotted paths without zeros", () => {
    expect(diffContributions(null, base)).toEqual([
      {
        ledgerKey: "alice_01_USD_1",
        affiliateId: "alice_01",
        currency: "USD",
        shard: 1,
        fields: {
          earnedMinor: 500,
          sales: 1,
          "pendingByDay.2026-12-21": 500,
          "daily.2026-11-21.sales": 1,
          "daily.2026-11-21.saleMinor": 999,
          "daily.2026-11-21.commissionMinor": 500,
        },
      },
    ]);
  });

  it("gives only the change between two versions of one order", () => {
    const refunded: Contribution = {
      ...base,
      pendingByDay: { "2026-12-21": 250 },
      earnedMinor: 250,
      reversedMinor: 250,
      refunds: 1,
      daily: { "2026-11-21": { sales: 1, saleMinor: 999, commissionMinor: 250, refundedMinor: 500 } },
    };
    expect(diffContributions(base, refunded)).toEqual([
      {
        ledgerKey: "alice_01_USD_1",
        affiliateId: "alice_01",
        currency: "USD",
        shard: 1,
        fields: {
          earnedMinor: -250,
          reversedMinor: 250,
          refunds: 1,
          "pendingByDay.2026-12-21": -250,
          "daily.2026-11-21.commissionMinor": -250,
          "daily.2026-11-21.refundedMinor": 500,
        },
      },
    ]);
  });

  it("is empty when nothing changed", () => {
    expect(diffContributions(base, structuredClone(base))).toEqual([]);
    expect(diffContributions(null, null)).toEqual([]);
  });

  it("moves a re-attributed order from one ledger to the other", () => {
    const bob: Contribution = { ...base, affiliateId: "bob_02" };
    const deltas = diffContributions(base, bob);
    expect(deltas.map((d) => d.ledgerKey)).toEqual(["alice_01_USD_1", "bob_02_USD_1"]);
    expect(deltas[0]?.fields["pendingByDay.2026-12-21"]).toBe(-500);
    expect(deltas[1]?.fields["pendingByDay.2026-12-21"]).toBe(500);
  });

  it("takes an order out entirely when it stops contributing", () => {
    const [delta] = diffContributions(base, null);
    expect(delta?.fields).toEqual({
      earnedMinor: -500,
      sales: -1,
      "pendingByDay.2026-12-21": -500,
      "daily.2026-11-21.sales": -1,
      "daily.2026-11-21.saleMinor": -999,
      "daily.2026-11-21.commissionMinor": -500,
    });
  });
});

describe("addDeltas", () => {
  it("applies deltas and returns to empty when they cancel", () => {
    const added = diffContributions(null, base).reduce((l, d) => addDeltas(l, d.fields), emptyLedger());
    const { affiliateId: _a, currency: _c, shard: _s, ...totals } = base;
    expect(added).toEqual(totals);
    const removed = diffContributions(base, null).reduce((l, d) => addDeltas(l, d.fields), added);
    expect(removed).toEqual(emptyLedger());
  });

  it("does not change its input", () => {
    const ledger = emptyLedger();
    addDeltas(ledger, { sales: 1, "pendingByDay.2026-12-21": 5, "daily.2026-11-21.sales": 1 });
    expect(ledger).toEqual(emptyLedger());
  });

  it("rejects unknown paths", () => {
    expect(() => addDeltas(emptyLedger(), { bogus: 1 })).toThrow(RangeError);
    expect(() => addDeltas(emptyLedger(), { "pendingByDay.tomorrow": 1 })).toThrow(RangeError);
    expect(() => addDeltas(emptyLedger(), { "daily.2026-11-21.other": 1 })).toThrow(RangeError);
  });

  it("round-trips through flattenTotals", () => {
    const { affiliateId: _a, currency: _c, shard: _s, ...totals } = base;
    expect(addDeltas(emptyLedger(), flattenTotals(totals))).toEqual(totals);
  });
});

describe("nestFields", () => {
  it("builds nested maps of wrapped values for set-with-merge", () => {
    const wrap = (n: number) => ({ inc: n });
    expect(nestFields({ sales: 1, "pendingByDay.2026-12-21": 5, "daily.2026-11-21.sales": 1, "daily.2026-11-21.saleMinor": 9 }, wrap)).toEqual({
      sales: { inc: 1 },
      pendingByDay: { "2026-12-21": { inc: 5 } },
      daily: { "2026-11-21": { sales: { inc: 1 }, saleMinor: { inc: 9 } } },
    });
  });

  it("refuses a path that runs through a value", () => {
    expect(() => nestFields({ sales: 1, "sales.x": 2 }, (n) => ({ inc: n }))).toThrow(RangeError);
  });
});
