import { int, intMap, isRecord, recordMap, str } from "./read-fields.js";

// The ledger shards as both sides read them (docs/ledger.md): the order trigger adds to
// `ledgers/{affiliateId}_{currency}_{shard}`, the portal and the payout report sum the shards. The
// balance rule is here so that the portal, the payout report and the payout itself agree.

export interface DailyTotals {
  sales: number;
  /** The sale's commission base (seller's net), in the ledger currency. */
  saleMinor: number;
  commissionMinor: number;
  refundedMinor: number;
}

/** The numeric part of a ledger shard; an order's contribution has the same shape. */
export interface LedgerTotals {
  /** Commission not yet paid, by the instant it becomes payable (`payableKey`; older keys are UTC days). */
  pendingByDay: Record<string, number>;
  /** Self-referral commissions waiting for the owner's approval. */
  flaggedMinor: number;
  /** Negative: paid out, then taken back by a refund or chargeback; offsets the next payout. */
  carryMinor: number;
  paidMinor: number;
  /** Commission lost to refunds and chargebacks. */
  reversedMinor: number;
  /** Commission currently earned (after refunds and chargebacks). */
  earnedMinor: number;
  sales: number;
  /** Orders with at least one refund. */
  refunds: number;
  /** By the UTC day of the sale (refunds are reported on their sale's day). */
  daily: Record<string, DailyTotals>;
}

/** Which shard document a set of totals belongs to. */
export interface LedgerIdentity {
  affiliateId: string;
  currency: string;
  shard: number;
}

/** One stored shard: `ledgers/{ledgerKeyOf(identity)}`. */
export interface LedgerShard extends LedgerTotals, LedgerIdentity {}

export function emptyLedger(): LedgerTotals {
  return {
    pendingByDay: {},
    flaggedMinor: 0,
    carryMinor: 0,
    paidMinor: 0,
    reversedMinor: 0,
    earnedMinor: 0,
    sales: 0,
    refunds: 0,
    daily: {},
  };
}

/**
 * A stored shard as typed values. Documents come from a schemaless store, so each field is read
 * leniently: a missing or malformed number counts as 0 (what a missing ledger key means anyway).
 */
export function readLedgerShard(data: unknown): LedgerShard {
  const f = isRecord(data) ? data : {};
  return {
    affiliateId: str(f["affiliateId"]),
    currency: str(f["currency"]),
    shard: int(f["shard"]),
    pendingByDay: intMap(f["pendingByDay"]),
    flaggedMinor: int(f["flaggedMinor"]),
    carryMinor: int(f["carryMinor"]),
    paidMinor: int(f["paidMinor"]),
    reversedMinor: int(f["reversedMinor"]),
    earnedMinor: int(f["earnedMinor"]),
    sales: int(f["sales"]),
    refunds: int(f["refunds"]),
    daily: recordMap(f["daily"], (d) => ({
      sales: int(d["sales"]),
      saleMinor: int(d["saleMinor"]),
      commissionMinor: int(d["commissionMinor"]),
      refundedMinor: int(d["refundedMinor"]),
    })),
  };
}

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
 * The key of `pendingByDay` under which a commission waits: the instant it becomes payable, rounded
 * up to the whole second, as `YYYY-MM-DDTHH:MM:SSZ` (no dot, so one Firestore field-path segment).
 * Rounding up keeps a commission from ever maturing early. Keys written before maturity was exact
 * hold a UTC day (`YYYY-MM-DD`), payable from that day's start: as text, both sort in time order
 * and a day sorts before every instant inside it, so old and new keys compare right together.
 */
export function payableKey(payableAt: string): string {
  const ms = Date.parse(payableAt);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${JSON.stringify(payableAt.slice(0, 40))}`);
  return secondKey(Math.ceil(ms / 1000) * 1000);
}

/** `now` as a `pendingByDay` key (rounded down): what is keyed at or before it is payable. */
export function payableKeyAt(now: Date): string {
  return secondKey(Math.floor(now.getTime() / 1000) * 1000);
}

function secondKey(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** A `pendingByDay` key: an instant (`payableKey`) or, written before maturity was exact, a UTC day. */
export const PENDING_KEY = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/;

/**
 * Sums an affiliate's ledger shards per currency as of `now`, to the second. The split between
 * pending and payable is made here, at read time, so no job has to move money when a refund
 * window ends. Currencies are never summed together.
 */
export function balancesAt(shards: ReadonlyArray<LedgerTotals & { currency: string }>, now: Date): Record<string, Balances> {
  const asOf = payableKeyAt(now);
  const out: Record<string, Balances> = {};
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
    for (const [key, amount] of Object.entries(shard.pendingByDay)) {
      if (key <= asOf) b.payableMinor += amount;
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
