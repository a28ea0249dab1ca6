import { createHash } from "node:crypto";
import { payableKey, payableKeyAt } from "../../../contracts/ledger.js";
import type { OrderFlag } from "../orders/derive.js";

/** What the selection needs of a stored order. */
export interface PayoutCandidate {
  orderKey: string;
  affiliateId: string | null;
  commissionCurrency: string | null;
  commissionMinor: number;
  paidOutMinor: number;
  /** ISO 8601; null before the sale is known. */
  payableAt: string | null;
  flag: OrderFlag | null;
  flagApproved: boolean;
  test: boolean;
}

export interface Allocation {
  orderKey: string;
  /** The order's remainder (commission − paid out); negative for a refund after an earlier payout. */
  amountMinor: number;
}

/**
 * The orders a payout settles and how much of each: every order of the affiliate in the currency
 * whose remainder is not zero, when it is negative (taken back after a payout, so it offsets this
 * one) or matured and not awaiting the owner's review of its flag. Maturity is judged to the second
 * by the ledger's own key (`payableKey`), so the amount equals what `payableNow` showed. Sorted by
 * order key so the result never depends on query order.
 */
export function selectAllocations(orders: readonly PayoutCandidate[], affiliateId: string, currency: string, now: Date): Allocation[] {
  const asOf = payableKeyAt(now);
  const out: Allocation[] = [];
  for (const order of orders) {
    if (order.affiliateId !== affiliateId || order.commissionCurrency !== currency || order.test) continue;
    const remainder = order.commissionMinor - order.paidOutMinor;
    if (remainder === 0) continue;
    if (remainder > 0) {
      if (order.payableAt === null || payableKey(order.payableAt) > asOf) continue;
      if (order.flag !== null && !order.flagApproved) continue;
    }
    out.push({ orderKey: order.orderKey, amountMinor: remainder });
  }
  return out.sort((a, b) => (a.orderKey < b.orderKey ? -1 : a.orderKey > b.orderKey ? 1 : 0));
}

export function totalOf(allocations: readonly Allocation[]): number {
  let total = 0;
  for (const a of allocations) total += a.amountMinor;
  if (!Number.isSafeInteger(total)) throw new RangeError("payout total is not a safe integer");
  return total;
}

export type PayoutRefusal = { ok: false; reason: "nothing" | "below-threshold"; amountMinor: number } | { ok: true; amountMinor: number };

/** A payout must be positive and reach the program's threshold. */
export function checkPayout(allocations: readonly Allocation[], thresholdMinor: number): PayoutRefusal {
  const amountMinor = totalOf(allocations);
  if (allocations.length === 0 || amountMinor <= 0) return { ok: false, reason: "nothing", amountMinor };
  if (amountMinor < thresholdMinor) return { ok: false, reason: "below-threshold", amountMinor };
  return { ok: true, amountMinor };
}

/**
 * The payout id comes from the client's idempotency key (scoped to the affiliate and currency), so
 * a retried request, a double click or a resumed batch all name the same payout.
 */
export function payoutIdFor(affiliateId: string, currency: string, idempotencyKey: string): string {
  const digest = createHash("sha256").update([affiliateId, currency, idempotencyKey].join("\u0000")).digest("hex");
  return `po_${digest.slice(0, 32)}`;
}

/** Splits into runs of at most `size`: one Firestore transaction each. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isSafeInteger(size) || size < 1) throw new RangeError("chunk size must be a positive integer");
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
