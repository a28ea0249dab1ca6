import {
  courseStatKey,
  payableFromDay,
  PROGRAM_STATS_SHARDS,
  programBalancesKeyOf,
  programSalesKeyOf,
  STAT_FIELDS,
  type StatTotals,
} from "../../../contracts/program-stats.js";
import { int, isRecord, str, strOrNull } from "../../../contracts/read-fields.js";
import type { DerivedOrder } from "../orders/derive.js";
import { contributionOf, shardOf, utcDay } from "./contribution.js";

// What one order adds to the owner overview's summary documents (contracts/program-stats.ts). Like
// the ledger, the order trigger stores the contribution it applied last (`orderStats/{orderKey}`)
// and adds only the difference, so the summaries equal the sum of the current contributions
// however often, late or out of order the trigger runs.

export interface ProgramContribution {
  /** The seller's net currency, which is also the commission currency. */
  currency: string;
  shard: number;
  /** UTC day of the sale. */
  day: string;
  /** The affiliate credited and earning (null for unattributed orders). */
  affiliateId: string | null;
  course: string;
  revenueMinor: number;
  refundedMinor: number;
  commissionMinor: number;
  /** `payableFromDay` of the order while some of its commission is unpaid and not held. */
  payableFrom: string | null;
  pendingMinor: number;
  flaggedMinor: number;
  carryMinor: number;
  paidMinor: number;
}

/** One summary document's change: the fields that identify it and dotted paths to add. */
export interface ProgramStatsDelta {
  docKey: string;
  identity: { kind: "sales"; currency: string; year: number; shard: number } | { kind: "balances"; currency: string; shard: number };
  fields: Record<string, number>;
}

/** The order's contribution, or null when it adds nothing (no sale yet, or a test order). */
export function programContributionOf(orderKey: string, order: DerivedOrder & { courseId: string | null }): ProgramContribution | null {
  if (order.test || order.saleAt === null || order.baseCurrency === null) return null;
  const ledger = contributionOf(orderKey, order);
  const pendingMinor = ledger ? Object.values(ledger.pendingByDay).reduce((sum, v) => sum + v, 0) : 0;
  return {
    currency: order.baseCurrency,
    shard: shardOf(orderKey, PROGRAM_STATS_SHARDS),
    day: utcDay(order.saleAt),
    affiliateId: ledger?.affiliateId ?? null,
    course: courseStatKey(order.courseId),
    revenueMinor: order.netMinor - order.refundedBaseMinor,
    refundedMinor: order.refundedBaseMinor,
    commissionMinor: ledger ? order.commissionMinor : 0,
    payableFrom: pendingMinor !== 0 && order.payableAt !== null ? payableFromDay(order.payableAt) : null,
    pendingMinor,
    flaggedMinor: ledger?.flaggedMinor ?? 0,
    carryMinor: ledger?.carryMinor ?? 0,
    paidMinor: ledger?.paidMinor ?? 0,
  };
}

function totalsOf(c: ProgramContribution): StatTotals {
  const credited = c.affiliateId !== null;
  return {
    sales: 1,
    revenueMinor: c.revenueMinor,
    refundedMinor: c.refundedMinor,
    affiliateSales: credited ? 1 : 0,
    affiliateRevenueMinor: credited ? c.revenueMinor : 0,
    commissionMinor: c.commissionMinor,
  };
}

/** The contribution as dotted-path amounts per summary document (zeros included; the diff drops them). */
function deltasOf(c: ProgramContribution): ProgramStatsDelta[] {
  const year = Number(c.day.slice(0, 4));
  const month = c.day.slice(5, 7);
  const totals = totalsOf(c);
  const sales: Record<string, number> = {};
  const prefixes = [`days.${c.day.slice(5)}`, `months.${month}.courses.${c.course}`];
  if (c.affiliateId !== null) prefixes.push(`months.${month}.affiliates.${c.affiliateId}`);
  for (const prefix of prefixes) for (const name of STAT_FIELDS) sales[`${prefix}.${name}`] = totals[name];
  const balances: Record<string, number> = { flaggedMinor: c.flaggedMinor, carryMinor: c.carryMinor, paidMinor: c.paidMinor };
  if (c.payableFrom !== null) balances[`pendingByDay.${c.payableFrom}`] = c.pendingMinor;
  return [
    { docKey: programSalesKeyOf(c.currency, year, c.shard), identity: { kind: "sales", currency: c.currency, year, shard: c.shard }, fields: sales },
    { docKey: programBalancesKeyOf(c.currency, c.shard), identity: { kind: "balances", currency: c.currency, shard: c.shard }, fields: balances },
  ];
}

/**
 * What to add to the summaries to go from the contribution applied last to the new one. A
 * re-attribution, a currency or a sale day that changes takes the old amounts out of their
 * documents and adds the new ones to theirs. Documents left with no change are not listed.
 */
export function diffProgramContributions(oldC: ProgramContribution | null, newC: ProgramContribution | null): ProgramStatsDelta[] {
  const byKey = new Map<string, ProgramStatsDelta>();
  const add = (c: ProgramContribution, factor: 1 | -1): void => {
    for (const delta of deltasOf(c)) {
      const current = byKey.get(delta.docKey) ?? { ...delta, fields: {} };
      for (const [path, value] of Object.entries(delta.fields)) current.fields[path] = (current.fields[path] ?? 0) + factor * value;
      byKey.set(delta.docKey, current);
    }
  };
  if (oldC !== null) add(oldC, -1);
  if (newC !== null) add(newC, 1);
  const out: ProgramStatsDelta[] = [];
  for (const delta of byKey.values()) {
    const fields = Object.fromEntries(Object.entries(delta.fields).filter(([, v]) => v !== 0));
    if (Object.keys(fields).length > 0) out.push({ ...delta, fields });
  }
  return out;
}

/** A stored `orderStats/{orderKey}.applied`, read leniently; null when absent or unreadable. */
export function readProgramContribution(value: unknown): ProgramContribution | null {
  if (!isRecord(value) || str(value["currency"]) === "" || str(value["day"]) === "") return null;
  return {
    currency: str(value["currency"]),
    shard: int(value["shard"]),
    day: str(value["day"]),
    affiliateId: strOrNull(value["affiliateId"]),
    course: str(value["course"]),
    revenueMinor: int(value["revenueMinor"]),
    refundedMinor: int(value["refundedMinor"]),
    commissionMinor: int(value["commissionMinor"]),
    payableFrom: strOrNull(value["payableFrom"]),
    pendingMinor: int(value["pendingMinor"]),
    flaggedMinor: int(value["flaggedMinor"]),
    carryMinor: int(value["carryMinor"]),
    paidMinor: int(value["paidMinor"]),
  };
}
