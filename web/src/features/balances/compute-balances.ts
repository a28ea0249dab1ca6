// The balance rule lives with the ledger it reads; Vite bundles the pure module into the portal.
import { balancesAt } from "../../../../contracts/ledger";
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

/**
 * Sums ledger shards per currency with the functions' own rule (`balancesAt`: days on or before
 * today are payable, so no daily job moves money), and adds the next day something matures.
 */
export function computeBalances(shards: readonly LedgerShard[], today: DayKey): CurrencyBalance[] {
  const totals = balancesAt(shards, today);
  return Object.entries(totals)
    .map(([currency, balance]) => ({ currency, ...balance, nextPayableDay: nextPayableDay(shards, currency, today) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

function nextPayableDay(shards: readonly LedgerShard[], currency: string, today: DayKey): DayKey | null {
  let next: DayKey | null = null;
  for (const shard of shards) {
    if (shard.currency !== currency) continue;
    for (const [day, minor] of Object.entries(shard.pendingByDay)) {
      if (minor !== 0 && day > today && (next === null || day < next)) next = day;
    }
  }
  return next;
}
