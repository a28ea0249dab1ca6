import { int, intMap, isRecord, recordMap, str } from "./read-fields.js";

// The owner overview's summary documents, `programStats/{id}` (docs/data-model.md). The order
// trigger adds each order's contribution to one shard (as it does for the ledgers), the click fold
// adds the change of each day it recounts; the console sums the shards. So the overview reads the
// same few documents whether the program has ten orders or ten million.

/** Shards per summary document: each order change or fold writes one, so a burst spreads over them. */
export const PROGRAM_STATS_SHARDS = 4;

/** What one sale contributes, summed per day, per affiliate and per course. Amounts in the doc's currency. */
export interface StatTotals {
  /** Orders sold (a refunded one still counts as sold). */
  sales: number;
  /** The seller's net after refunds (the commission base): all revenue. */
  revenueMinor: number;
  /** Net refunded. */
  refundedMinor: number;
  /** The same two for orders credited to an affiliate. */
  affiliateSales: number;
  affiliateRevenueMinor: number;
  /** Commission earned now (after refunds and open chargebacks). */
  commissionMinor: number;
}

export const STAT_FIELDS = ["sales", "revenueMinor", "refundedMinor", "affiliateSales", "affiliateRevenueMinor", "commissionMinor"] as const satisfies ReadonlyArray<
  keyof StatTotals
>;

/** `programStats/{currency}_{YYYY}_{shard}`: one year of sales in one currency. */
export interface ProgramSalesDoc {
  kind: "sales";
  currency: string;
  year: number;
  shard: number;
  /** By `MM-DD` of the sale (refunds count on their sale's day, as in the ledgers). */
  days: Record<string, StatTotals>;
  /** By `MM` of the sale: per affiliate id and per course (`courseStatKey`). */
  months: Record<string, { affiliates: Record<string, StatTotals>; courses: Record<string, StatTotals> }>;
}

/** `programStats/{currency}_balances_{shard}`: what the program owes its affiliates in one currency. */
export interface ProgramBalancesDoc {
  kind: "balances";
  currency: string;
  shard: number;
  /**
   * Unpaid commission by the UTC day from which it counts as payable here: the day after the one
   * it matures in (or that day when it matures at midnight), so this summary is never ahead of the
   * portal's to-the-second rule and holds one key per day rather than one per order.
   */
  pendingByDay: Record<string, number>;
  flaggedMinor: number;
  /** Negative: paid out, then taken back; offsets the next payouts. */
  carryMinor: number;
  paidMinor: number;
}

/** `programStats/clicks_{YYYY}_{shard}`: counted clicks and unique visitors of every affiliate. */
export interface ProgramClicksDoc {
  kind: "clicks";
  year: number;
  shard: number;
  days: Record<string, { clicks: number; uniques: number }>;
}

export type ProgramStatsDoc = ProgramSalesDoc | ProgramBalancesDoc | ProgramClicksDoc;

export function programSalesKeyOf(currency: string, year: number, shard: number): string {
  return `${currency}_${year}_${shard}`;
}

export function programBalancesKeyOf(currency: string, shard: number): string {
  return `${currency}_balances_${shard}`;
}

export function programClicksKeyOf(year: number, shard: number): string {
  return `clicks_${year}_${shard}`;
}

/** Orders without a course are counted under this key. */
export const NO_COURSE = "_none";

/**
 * A course id as a map key of the summary: ids are made by the console from names (letters, digits,
 * `-`, `_`); anything else (a dot would split a field path) is counted under its safe form.
 */
export function courseStatKey(courseId: string | null): string {
  if (courseId === null || courseId === "") return NO_COURSE;
  return courseId.replace(/[^A-Za-z0-9_-]/g, "_").slice(0, 100);
}

/** The UTC day from which a commission maturing at `payableAt` counts as payable in the summary. */
export function payableFromDay(payableAt: string): string {
  const ms = Date.parse(payableAt);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${JSON.stringify(payableAt.slice(0, 40))}`);
  const DAY_MS = 86_400_000;
  return new Date(Math.ceil(ms / DAY_MS) * DAY_MS).toISOString().slice(0, 10);
}

export function emptyTotals(): StatTotals {
  return { sales: 0, revenueMinor: 0, refundedMinor: 0, affiliateSales: 0, affiliateRevenueMinor: 0, commissionMinor: 0 };
}

function readTotals(f: Record<string, unknown>): StatTotals {
  return {
    sales: int(f["sales"]),
    revenueMinor: int(f["revenueMinor"]),
    refundedMinor: int(f["refundedMinor"]),
    affiliateSales: int(f["affiliateSales"]),
    affiliateRevenueMinor: int(f["affiliateRevenueMinor"]),
    commissionMinor: int(f["commissionMinor"]),
  };
}

/** A stored summary document as typed values; null for a kind this version does not know. */
export function readProgramStatsDoc(data: unknown): ProgramStatsDoc | null {
  const f = isRecord(data) ? data : {};
  switch (f["kind"]) {
    case "sales":
      return {
        kind: "sales",
        currency: str(f["currency"]),
        year: int(f["year"]),
        shard: int(f["shard"]),
        days: recordMap(f["days"], readTotals),
        months: recordMap(f["months"], (m) => ({ affiliates: recordMap(m["affiliates"], readTotals), courses: recordMap(m["courses"], readTotals) })),
      };
    case "balances":
      return {
        kind: "balances",
        currency: str(f["currency"]),
        shard: int(f["shard"]),
        pendingByDay: intMap(f["pendingByDay"]),
        flaggedMinor: int(f["flaggedMinor"]),
        carryMinor: int(f["carryMinor"]),
        paidMinor: int(f["paidMinor"]),
      };
    case "clicks":
      return {
        kind: "clicks",
        year: int(f["year"]),
        shard: int(f["shard"]),
        days: recordMap(f["days"], (d) => ({ clicks: int(d["clicks"]), uniques: int(d["uniques"]) })),
      };
    default:
      return null;
  }
}
