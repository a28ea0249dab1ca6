import { describe, expect, it } from "vitest";
import { emptyTotals, type ProgramStatsDoc } from "../../../../../contracts/program-stats";
import { summarize, yearsOf } from "./summarize";

const totals = (sales: number, revenueMinor: number, affiliate: boolean, commissionMinor = 0) => ({
  ...emptyTotals(),
  sales,
  revenueMinor,
  affiliateSales: affiliate ? sales : 0,
  affiliateRevenueMinor: affiliate ? revenueMinor : 0,
  commissionMinor,
});

const docs: ProgramStatsDoc[] = [
  {
    kind: "sales",
    currency: "USD",
    year: 2026,
    shard: 0,
    days: { "11-30": totals(1, 9900, true, 4950), "10-01": totals(1, 5000, false) },
    months: { "11": { affiliates: { ada: totals(1, 9900, true, 4950) }, courses: { typescript: totals(1, 9900, true, 4950) } }, "10": { affiliates: {}, courses: { _none: totals(1, 5000, false) } } },
  },
  {
    kind: "sales",
    currency: "USD",
    year: 2026,
    shard: 1,
    days: { "12-01": totals(1, 4000, true, 2000) },
    months: { "12": { affiliates: { ada: totals(1, 4000, true, 2000) }, courses: { typescript: totals(1, 4000, true, 2000) } } },
  },
  { kind: "sales", currency: "EUR", year: 2025, shard: 0, days: { "12-31": totals(1, 700, false) }, months: {} },
  { kind: "balances", currency: "USD", shard: 0, pendingByDay: { "2026-12-02": 100, "2026-12-03": 4950 }, flaggedMinor: 7, carryMinor: -20, paidMinor: 300 },
  { kind: "clicks", year: 2026, shard: 0, days: { "12-01": { clicks: 10, uniques: 4 }, "11-30": { clicks: 6, uniques: 4 } } },
  { kind: "clicks", year: 2026, shard: 3, days: { "12-01": { clicks: 5, uniques: 2 } } },
];

describe("summarize", () => {
  it("sums the shards of each currency over the range, never across currencies", () => {
    const o = summarize(docs, "2026-12-02", 30);
    expect(o.currencies.map((c) => c.currency)).toEqual(["USD"]);
    const usd = o.currencies[0];
    expect(usd?.totals).toMatchObject({ sales: 2, revenueMinor: 13900, affiliateRevenueMinor: 13900, commissionMinor: 6950 });
    expect(usd?.points).toHaveLength(30);
    expect(o.totalClicks).toBe(21);
    expect(o.totalUniques).toBe(10);
    expect(o.conversionRate).toBeCloseTo(2 / 10);
  });

  it("splits what is owed into pending and payable by the day it becomes payable, carry offsetting payable", () => {
    const usd = summarize(docs, "2026-12-02", 30).currencies[0];
    expect(usd?.balances).toEqual({ pendingMinor: 4950, payableMinor: 80, flaggedMinor: 7, paidMinor: 300 });
  });

  it("ranks affiliates and courses over whole months from the range's first day", () => {
    const o = summarize(docs, "2026-12-02", 90);
    expect(o.monthsFrom).toBe("2026-09-01");
    const usd = o.currencies.find((c) => c.currency === "USD");
    expect(usd?.affiliates).toEqual([{ id: "ada", ...totals(2, 13900, true, 6950) }]);
    expect(usd?.courses.map((c) => [c.id, c.revenueMinor])).toEqual([
      ["typescript", 13900],
      ["_none", 5000],
    ]);
    expect(o.currencies.map((c) => c.currency)).toEqual(["USD"]);
    // A year back reaches last December's EUR sale, read from last year's documents.
    expect(summarize(docs, "2026-12-02", 365).currencies.map((c) => c.currency)).toEqual(["USD", "EUR"]);
  });

  it("reads the years a range spans", () => {
    expect(yearsOf("2026-12-02", 365)).toEqual([2025, 2026]);
    expect(yearsOf("2026-12-31", 365)).toEqual([2026]);
  });
});
