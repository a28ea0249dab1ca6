import type { Currency } from "../domain/types.js";
import type { LedgerTotals } from "./contribution.js";

export interface Balances {
  /** Still inside the refund window. */
  pendingMinor: number;
  /** Past the refund window, minus what was paid out and taken back since (may be negative). */
  payableMinor: number;
  flaggedMinor: number;
  paidMinor: number;
  carryMinor: number;
  reversedMinor: number;
  earnedMinor: number;
  sales: number;
  refunds: number;
}

/**
 * Sums an affiliate's ledger shards per currency as of `today` (UTC `YYYY-MM-DD`). The split
 * between pending and payable is made here, at read time, so no daily job has to move money.
 * Currencies are never summed together.
 */
export function balancesAt(
  shards: ReadonlyArray<LedgerTotals & { currency: Currency }>,
  today: string,
): Record<Currency, Balances> {
  const out: Record<Currency, Balances> = {};
  for (const shard of shards) {
    const b = (out[shard.currency] ??= {
      pendingMinor: 0,
      payableMinor: 0,
      flaggedMinor: 0,
      paidMinor: 0,
      carryMinor: 0,
      reversedMinor: 0,
      earnedMinor: 0,
      sales: 0,
      refunds: 0,
    });
    for (const [day, amount] of Object.entries(shard.pendingByDay)) {
      if (day <= today) b.payableMinor += amount;
      else b.pendingMinor += amount;
    }
    b.payableMinor += shard.carryMinor;
    b.flaggedMinor += shard.flaggedMinor;
    b.paidMinor += shard.paidMinor;
    b.carryMinor += shard.carryMinor;
    b.reversedMinor += shard.reversedMinor;
    b.earnedMinor += shard.earnedMinor;
    b.sales += shard.sales;
    b.refunds += shard.refunds;
  }
  return out;
}
