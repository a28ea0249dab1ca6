// The balance rule lives with the ledger it reads; Vite bundles the pure module into the portal.
import { balancesAt, payableKeyAt } from "../../../../contracts/ledger";
import type { DayKey } from "../../lib/days";
import type { LedgerShard } from "../../types/models";

export interface CurrencyBalance {
  currency: string;
  /** Due now: pending amounts whose payable time has come, plus the (never positive) carry-forward. */
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
 * Sums ledger shards per currency with the functions' own rule (`balancesAt`: what matured by `now`,
 * to the second, is payable, so no job moves money), and adds the day the next amount matures.
 */
export function computeBalances(shards: readonly LedgerShard[], now: Date): CurrencyBalance[] {
  const totals = balancesAt(shards, now);
  const asOf = payableKeyAt(now);
  return Object.entries(totals)
    .map(([currency, balance]) => ({ currency, ...balance, nextPayableDay: nextPayableDay(shards, currency, asOf) }))
    .sort((a, b) => a.currency.localeCompare(b.currency));
}

function nextPayableDay(shards: readonly LedgerShard[], currency: string, asOf: string): DayKey | null {
  let next: string | null = null;
  for (const shard of shards) {
    if (shard.currency !== currency) continue;
    for (const [key, minor] of Object.entries(shard.pendingByDay)) {
      if (minor !== 0 && key > asOf && (next === null || key < next)) next = key;
    }
  }
  // Keys are payable instants (or, written earlier, UTC days): the card names the day.
  return next === null ? null : next.slice(0, 10);
}
