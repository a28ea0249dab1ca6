import type { DayKey } from "../../lib/days";
import type { LedgerShard } from "../../types/models";

export interface CurrencyBalance {
  currency: string;
  /** Due now: pending amounts whose day has come, plus the (never positive) carry-forward. */
  payableMinor: number;
  /** Still inside the refund window. */
  pendingMinor: number;
  /** Negative when refunds after a payout are to be taken from future earnings. */
  carryMinor: number;
  flaggedMinor: number;
  paidMinor: number;
  earnedMinor: number;
  reversedMinor: number;
  sales: number;
  refunds: number;
  /** The first day a pending amount becomes payable, or null when nothing is pending. */
  nextPayableDay: DayKey | null;
}

function empty(currency: string): CurrencyBalance {
  return { currency, payableMinor: 0, pendingMinor: 0, carryMinor: 0, flaggedMinor: 0, paidMinor: 0, earnedMinor: 0, reversedMinor: 0, sales: 0, refunds: 0, nextPayableDay: null };
}

/**
 * Sums ledger shards per currency. Days are compared as strings (`YYYY-MM-DD` orders correctly),
 * which is how the ledger needs no daily job: money moves from pending to payable as `today` moves.
 */
export function computeBalances(shards: readonly LedgerShard[], today: DayKey): CurrencyBalance[] {
  const byCurrency = new Map<string, CurrencyBalance>();
  for (const shard of shards) {
    const balance = byCurrency.get(shard.currency) ?? empty(shard.currency);
    byCurrency.set(shard.currency, balance);
    for (const [day, minor] of Object.entries(shard.pendingByDay)) {
      if (minor === 0) continue;
      if (day <= today) balance.payableMinor += minor;
      else {
        balance.pendingMinor += minor;
        if (balance.nextPayableDay === null || day < balance.nextPayableDay) balance.nextPayableDay = day;
      }
    }
    balance.payableMinor += shard.carryMinor;
    balance.carryMinor += shard.carryMinor;
    balance.flaggedMinor += shard.flaggedMinor;
    balance.paidMinor += shard.paidMinor;
    balance.earnedMinor += shard.earnedMinor;
    balance.reversedMinor += shard.reversedMinor;
    balance.sales += shard.sales;
    balance.refunds += shard.refunds;
  }
  return [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency));
}
