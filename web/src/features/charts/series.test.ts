import { describe, expect, it } from "vitest";
import type { ClickStat, LedgerShard } from "../../types/models";
import { niceMax, scaleY } from "../../lib/chart-scale";
import { buildSeries, clicksByDay, conversionRate, formatRate, ledgerCurrencies } from "./series";

const stats: ClickStat[] = [
  { id: "a_2025-02_0", affiliateId: "a", month: "2025-02", days: { "28": { clicks: 5, uniques: 4 } } },
  { id: "a_2025-03_0", affiliateId: "a", month: "2025-03", days: { "01": { clicks: 10, uniques: 6 }, "02": { clicks: 1, uniques: 1 } } },
  { id: "a_2025-03_1", affiliateId: "a", month: "2025-03", days: { "01": { clicks: 3, uniques: 2 }, "15": { clicks: 99, uniques: 99 } } },
];

function ledger(currency: string, daily: LedgerShard["daily"], earnedMinor = 0): LedgerShard {
  return { id: `a_${currency}_0`, affiliateId: "a", currency, shard: 0, pendingByDay: {}, flaggedMinor: 0, carryMinor: 0, paidMinor: 0, reversedMinor: 0, earnedMinor, sales: 0, refunds: 0, daily };
}

describe("clicksByDay", () => {
  it("sums shards of the same day", () => {
    const days = clicksByDay(stats);
    expect(days.get("2025-03-01")).toEqual({ clicks: 13, uniques: 8 });
    expect(days.get("2025-02-28")).toEqual({ clicks: 5, uniques: 4 });
  });
});

describe("buildSeries", () => {
  const shards = [
    ledger("USD", { "2025-03-01": { sales: 2, saleMinor: 20000, commissionMinor: 10000, refundedMinor: 0 }, "2025-01-01": { sales: 9, saleMinor: 1, commissionMinor: 1, refundedMinor: 0 } }, 10001),
    ledger("EUR", { "2025-03-02": { sales: 1, saleMinor: 5000, commissionMinor: 2500, refundedMinor: 0 } }, 2500),
  ];

  it("builds one point per day of the range, oldest first, ignoring days outside it", () => {
    const series = buildSeries(stats, shards, "2025-03-02", 3, "USD");
    expect(series.points).toEqual([
      { day: "2025-02-28", clicks: 5, uniques: 4, sales: 0, commissionMinor: 0 },
      { day: "2025-03-01", clicks: 13, uniques: 8, sales: 2, commissionMinor: 10000 },
      { day: "2025-03-02", clicks: 1, uniques: 1, sales: 1, commissionMinor: 0 },
    ]);
    expect(series.totals).toEqual({ clicks: 19, uniques: 13, sales: 3, commissionMinor: 10000 });
    expect(series.conversionRate).toBeCloseTo(3 / 13, 12);
  });

  it("counts commission in the chosen currency only", () => {
    expect(buildSeries(stats, shards, "2025-03-02", 30, "EUR").totals.commissionMinor).toBe(2500);
    expect(buildSeries(stats, shards, "2025-03-02", 30, null).totals.commissionMinor).toBe(0);
    expect(buildSeries([], [], "2025-03-02", 90, null).points).toHaveLength(90);
  });

  it("orders currencies by earnings", () => {
    expect(ledgerCurrencies(shards)).toEqual(["USD", "EUR"]);
  });
});

describe("conversion rate", () => {
  it("is sales per unique visitor, unknown without visitors", () => {
    expect(conversionRate(3, 120)).toBe(0.025);
    expect(conversionRate(5, 0)).toBeNull();
    expect(formatRate(0.025)).toBe("2.5%");
    expect(formatRate(null)).toBe("—");
  });
});

describe("scale", () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [10, 10],
    [11, 20],
    [250, 500],
    [0.3, 0.5],
  ])("niceMax(%d) = %d", (max, expected) => {
    expect(niceMax(max)).toBeCloseTo(expected, 10);
  });

  it("clamps heights into the chart", () => {
    expect(scaleY(5, 10, 100)).toBe(50);
    expect(scaleY(-5, 10, 100)).toBe(0);
    expect(scaleY(20, 10, 100)).toBe(100);
    expect(scaleY(5, 0, 100)).toBe(0);
  });
});
