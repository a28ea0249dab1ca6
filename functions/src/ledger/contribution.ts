import { payableKey, type LedgerShard } from "../../../contracts/ledger.js";
import type { DerivedOrder } from "../orders/derive.js";

// An order's contribution is a pure function of the derived order. The trigger stores the
// contribution it last applied (`commissions/{orderKey}.applied`) and adds only the difference, so
// the ledger always equals the sum of the current contributions however often the trigger runs.

/** What one order adds to its affiliate's ledger: one shard's worth of totals. */
export type Contribution = LedgerShard;

/**
 * Each order change writes exactly one shard of its affiliate's ledger (docs/ledger.md). At about one
 * sustained write per second per document, 4 shards take ~4 order changes a second per affiliate and
 * currency (~345k a day), far above any course launch; bursts above it are absorbed by transaction
 * and trigger retries. Raising it later is safe: `applied` records each order's shard, so an order
 * moves on its next sync, and readers sum every shard of the affiliate whatever its number.
 */
export const DEFAULT_SHARDS = 4;

/** A stable shard for an order (FNV-1a over UTF-16 code units): it must never change for a key. */
export function shardOf(orderKey: string, shards: number = DEFAULT_SHARDS): number {
  if (!Number.isSafeInteger(shards) || shards < 1) throw new RangeError("shards must be a positive integer");
  let hash = 0x811c9dc5;
  for (let i = 0; i < orderKey.length; i++) {
    hash ^= orderKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** UTC `YYYY-MM-DD` of an ISO 8601 instant. */
export function utcDay(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${JSON.stringify(iso.slice(0, 40))}`);
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * What the order adds to its affiliate's ledger, or null when it adds nothing (no sale yet, no
 * affiliate, or a test order). `remainder = commission − paid out` is pending until the exact
 * payable time (flagged instead while the order's flag awaits the owner) when positive, and
 * carried when negative.
 */
export function contributionOf(orderKey: string, order: DerivedOrder): Contribution | null {
  if (order.affiliateId === null || order.test) return null;
  if (order.saleAt === null || order.payableAt === null || order.commissionCurrency === null) return null;
  const remainder = order.commissionMinor - order.paidOutMinor;
  const flagged = order.flag !== null && !order.flagApproved;
  const pendingByDay: Record<string, number> = {};
  let flaggedMinor = 0;
  let carryMinor = 0;
  if (remainder > 0) {
    if (flagged) flaggedMinor = remainder;
    else pendingByDay[payableKey(order.payableAt)] = remainder;
  } else if (remainder < 0) {
    carryMinor = remainder;
  }
  const refunded = order.refundedGrossMinor > 0 || order.refundedBaseMinor > 0;
  return {
    affiliateId: order.affiliateId,
    currency: order.commissionCurrency,
    shard: shardOf(orderKey),
    pendingByDay,
    flaggedMinor,
    carryMinor,
    paidMinor: order.paidOutMinor,
    reversedMinor: order.originalCommissionMinor - order.commissionMinor,
    earnedMinor: order.commissionMinor,
    sales: 1,
    refunds: refunded ? 1 : 0,
    daily: {
      [utcDay(order.saleAt)]: {
        sales: 1,
        saleMinor: order.netMinor,
        commissionMinor: order.commissionMinor,
        refundedMinor: order.refundedBaseMinor,
      },
    },
  };
}
