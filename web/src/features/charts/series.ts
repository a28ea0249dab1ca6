import { lastDays, type DayKey } from "../../lib/days";
import type { ClickStat, LedgerShard } from "../../types/models";

export interface SeriesPoint {
  day: DayKey;
  clicks: number;
  uniques: number;
  sales: number;
  /** In the chart's currency; other currencies cannot be added to it. */
  commissionMinor: number;
}

export interface ChartSeries {
  points: SeriesPoint[];
  currency: string | null;
  totals: { clicks: number; uniques: number; sales: number; commissionMinor: number };
  /** Sales per unique visitor over the range; null when there were no visitors. */
  conversionRate: number | null;
}

/** Click counters are sharded per month; shards of the same day are summed. */
export function clicksByDay(stats: readonly ClickStat[]): Map<DayKey, { clicks: number; uniques: number }> {
  const out = new Map<DayKey, { clicks: number; uniques: number }>();
  for (const stat of stats) {
    for (const [dd, counts] of Object.entries(stat.days)) {
      const day = `${stat.month}-${dd.padStart(2, "0")}`;
      const current = out.get(day) ?? { clicks: 0, uniques: 0 };
      out.set(day, { clicks: current.clicks + counts.clicks, uniques: current.uniques + counts.uniques });
    }
  }
  return out;
}

/** Currencies that have ledger activity, the biggest earner first. */
export function ledgerCurrencies(shards: readonly LedgerShard[]): string[] {
  const earned = new Map<string, number>();
  for (const s of shards) earned.set(s.currency, (earned.get(s.currency) ?? 0) + s.earnedMinor);
  return [...earned.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([c]) => c);
}

/**
 * Daily clicks, sales and commission for the `range` days ending today. Sales are counted in every
 * currency; commission only in `currency`.
 */
export function buildSeries(stats: readonly ClickStat[], shards: readonly LedgerShard[], today: DayKey, range: number, currency: string | null): ChartSeries {
  const clicks = clicksByDay(stats);
  const points: SeriesPoint[] = lastDays(today, range).map((day) => {
    const c = clicks.get(day);
    return { day, clicks: c?.clicks ?? 0, uniques: c?.uniques ?? 0, sales: 0, commissionMinor: 0 };
  });
  const index = new Map(points.map((p, i) => [p.day, i]));
  for (const shard of shards) {
    for (const [day, daily] of Object.entries(shard.daily)) {
      const i = index.get(day);
      const point = i === undefined ? undefined : points[i];
      if (point === undefined) continue;
      point.sales += daily.sales;
      if (shard.currency === currency) point.commissionMinor += daily.commissionMinor;
    }
  }
  const totals = points.reduce(
    (t, p) => ({ clicks: t.clicks + p.clicks, uniques: t.uniques + p.uniques, sales: t.sales + p.sales, commissionMinor: t.commissionMinor + p.commissionMinor }),
    { clicks: 0, uniques: 0, sales: 0, commissionMinor: 0 },
  );
  return { points, currency, totals, conversionRate: conversionRate(totals.sales, totals.uniques) };
}

export function conversionRate(sales: number, uniques: number): number | null {
  return uniques > 0 ? sales / uniques : null;
}

const percent = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : percent.format(rate);
}
