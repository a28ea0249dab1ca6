import { emptyTotals, STAT_FIELDS, type ProgramStatsDoc, type StatTotals } from "../../../../../contracts/program-stats";
import { addDays, lastDays, type DayKey } from "../../../lib/days";

// The overview's figures from the summary documents (contracts/program-stats.ts): pure, so the page,
// its unit test and the browser test's expectations agree on one reading of them.

export interface DayPoint extends StatTotals {
  day: DayKey;
}

export interface Ranked extends StatTotals {
  id: string;
}

export interface ProgramBalances {
  /** Unpaid commission still inside its refund window. */
  pendingMinor: number;
  /** Past the window, less what was paid and taken back since (may be negative). */
  payableMinor: number;
  /** Held until the owner reviews a flag. */
  flaggedMinor: number;
  paidMinor: number;
}

export interface CurrencyOverview {
  currency: string;
  totals: StatTotals;
  points: DayPoint[];
  /** By revenue through them, then by id; over whole months from `monthsFrom`. */
  affiliates: Ranked[];
  /** By revenue, then by id; over whole months from `monthsFrom`. */
  courses: Ranked[];
  balances: ProgramBalances;
}

export interface ProgramOverview {
  /** Every currency with sales in the range or money owed, the largest revenue first. */
  currencies: CurrencyOverview[];
  clicks: Array<{ day: DayKey; clicks: number; uniques: number }>;
  totalClicks: number;
  totalUniques: number;
  /** Sales credited to affiliates (all currencies) per unique visitor; null without visitors. */
  conversionRate: number | null;
  /** The first day of the first month the per-affiliate and per-course tables cover. */
  monthsFrom: DayKey;
}

function add(into: StatTotals, from: StatTotals): void {
  for (const name of STAT_FIELDS) into[name] += from[name];
}

function addTo(map: Map<string, StatTotals>, id: string, from: StatTotals): void {
  const into = map.get(id) ?? emptyTotals();
  add(into, from);
  map.set(id, into);
}

function rank(map: Map<string, StatTotals>, by: "revenueMinor" | "affiliateRevenueMinor"): Ranked[] {
  return [...map.entries()].map(([id, t]) => ({ id, ...t })).sort((a, b) => b[by] - a[by] || b.sales - a.sales || a.id.localeCompare(b.id));
}

/** The figures of the `range` days ending `today` (UTC days). */
export function summarize(docs: readonly ProgramStatsDoc[], today: DayKey, range: number): ProgramOverview {
  const days = lastDays(today, range);
  const first = days[0] ?? today;
  const inRange = new Set(days);
  const monthsFrom = `${first.slice(0, 7)}-01`;
  const byCurrency = new Map<string, { points: Map<DayKey, DayPoint>; affiliates: Map<string, StatTotals>; courses: Map<string, StatTotals>; balances: ProgramBalances }>();
  const entry = (currency: string) => {
    let e = byCurrency.get(currency);
    if (!e) {
      e = {
        points: new Map(days.map((day) => [day, { day, ...emptyTotals() }])),
        affiliates: new Map(),
        courses: new Map(),
        balances: { pendingMinor: 0, payableMinor: 0, flaggedMinor: 0, paidMinor: 0 },
      };
      byCurrency.set(currency, e);
    }
    return e;
  };
  const clicks = new Map(days.map((day) => [day, { day, clicks: 0, uniques: 0 }]));

  for (const doc of docs) {
    if (doc.kind === "balances") {
      const b = entry(doc.currency).balances;
      for (const [payableFrom, amount] of Object.entries(doc.pendingByDay)) {
        if (payableFrom <= today) b.payableMinor += amount;
        else b.pendingMinor += amount;
      }
      b.payableMinor += doc.carryMinor;
      b.flaggedMinor += doc.flaggedMinor;
      b.paidMinor += doc.paidMinor;
    } else if (doc.kind === "clicks") {
      for (const [mmdd, counts] of Object.entries(doc.days)) {
        const point = clicks.get(`${doc.year}-${mmdd}`);
        if (point) {
          point.clicks += counts.clicks;
          point.uniques += counts.uniques;
        }
      }
    } else {
      const e = entry(doc.currency);
      for (const [mmdd, totals] of Object.entries(doc.days)) {
        const point = e.points.get(`${doc.year}-${mmdd}`);
        if (point) add(point, totals);
      }
      for (const [mm, month] of Object.entries(doc.months)) {
        const monthStart = `${doc.year}-${mm}-01`;
        if (monthStart < monthsFrom || monthStart > today) continue;
        for (const [id, t] of Object.entries(month.affiliates)) addTo(e.affiliates, id, t);
        for (const [id, t] of Object.entries(month.courses)) addTo(e.courses, id, t);
      }
    }
  }

  const currencies: CurrencyOverview[] = [];
  for (const [currency, e] of byCurrency) {
    const points = [...e.points.values()];
    const totals = emptyTotals();
    for (const p of points) if (inRange.has(p.day)) add(totals, p);
    const b = e.balances;
    const owes = b.pendingMinor !== 0 || b.payableMinor !== 0 || b.flaggedMinor !== 0 || b.paidMinor !== 0;
    if (totals.sales === 0 && !owes) continue;
    currencies.push({ currency, totals, points, affiliates: rank(e.affiliates, "affiliateRevenueMinor"), courses: rank(e.courses, "revenueMinor"), balances: b });
  }
  currencies.sort((a, b) => b.totals.revenueMinor - a.totals.revenueMinor || a.currency.localeCompare(b.currency));

  const clickPoints = [...clicks.values()];
  const totalClicks = clickPoints.reduce((sum, p) => sum + p.clicks, 0);
  const totalUniques = clickPoints.reduce((sum, p) => sum + p.uniques, 0);
  const affiliateSales = currencies.reduce((sum, c) => sum + c.totals.affiliateSales, 0);
  return {
    currencies,
    clicks: clickPoints,
    totalClicks,
    totalUniques,
    conversionRate: totalUniques > 0 ? affiliateSales / totalUniques : null,
    monthsFrom,
  };
}

/** The years whose documents hold the last `range` days before `today` (a year's documents hold its days). */
export function yearsOf(today: DayKey, range: number): number[] {
  return [...new Set([addDays(today, 1 - range), today].map((day) => Number(day.slice(0, 4))))];
}
