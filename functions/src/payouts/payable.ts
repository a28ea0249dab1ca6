import type { PayableRow } from "../../../contracts/callables/index.js";
import { balancesAt, type LedgerShard } from "../../../contracts/ledger.js";
import { reachesThreshold } from "../../../contracts/payout-threshold.js";

/** The shards' totals, whatever shard they came from. */
export type LedgerShardRow = Omit<LedgerShard, "shard">;

export interface AffiliateBrief {
  name: string;
  email: string;
  payoutEmail: string;
  status: string | null;
}

/**
 * Per affiliate and currency, what could be paid at `now`: only amounts that reach the threshold. Paid commissions are already gone from the shards (they hold remainders).
 */
export function payableRows(
  shards: readonly LedgerShardRow[],
  affiliates: ReadonlyMap<string, AffiliateBrief>,
  now: Date,
  thresholdMinor: number,
): PayableRow[] {
  const byAffiliate = new Map<string, LedgerShardRow[]>();
  for (const shard of shards) {
    const list = byAffiliate.get(shard.affiliateId) ?? [];
    list.push(shard);
    byAffiliate.set(shard.affiliateId, list);
  }
  const rows: PayableRow[] = [];
  for (const [affiliateId, list] of byAffiliate) {
    const who = affiliates.get(affiliateId);
    for (const [currency, b] of Object.entries(balancesAt(list, now))) {
      if (!reachesThreshold(b.payableMinor, thresholdMinor)) continue;
      rows.push({
        affiliateId,
        currency,
        payableMinor: b.payableMinor,
        pendingMinor: b.pendingMinor,
        flaggedMinor: b.flaggedMinor,
        name: who?.name ?? "",
        payoutEmail: who ? who.payoutEmail || who.email : "",
        status: who?.status ?? null,
      });
    }
  }
  return rows.sort((a, b) => a.name.localeCompare(b.name) || a.affiliateId.localeCompare(b.affiliateId) || a.currency.localeCompare(b.currency));
}
