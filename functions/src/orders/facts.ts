import type { ChargebackFact, ParsedEvent, RefundFact, SaleFacts } from "../domain/types.js";

// Facts are merged with a join: every rule below picks, among conflicting versions of one fact, the
// greatest under a total order on the fact's content. A join is commutative, associative and
// idempotent, so the facts (and all that is derived from them) are the same whatever order the
// webhooks arrive in and however often each is delivered.

export interface OrderFacts {
  sale: SaleFacts | null;
  /** Increment refunds keyed by refund id; the cumulative (Lemon Squeezy) one under `CUMULATIVE_REFUND_KEY`. */
  refunds: Record<string, RefundFact>;
  chargebacks: Record<string, ChargebackFact>;
  /** True once any event of the order came from test mode or a sandbox. */
  test: boolean;
}

/** The one key under which a cumulative refund is kept: only its largest value matters. */
export const CUMULATIVE_REFUND_KEY = "cumulative";

export function emptyFacts(): OrderFacts {
  return { sale: null, refunds: {}, chargebacks: {}, test: false };
}

export type OrderFactEvent = Extract<ParsedEvent, { kind: "sale" | "refund" | "chargeback" }>;

/** Adds one event to the facts, returning new facts; events of other kinds change nothing. */
export function addFact(facts: OrderFacts, event: ParsedEvent): OrderFacts {
  switch (event.kind) {
    case "sale":
      return { ...facts, sale: pickSale(facts.sale, event.sale), test: facts.test || event.test };
    case "refund": {
      const key = refundKey(event.refund);
      const existing = facts.refunds[key];
      const refund = existing === undefined ? event.refund : pickRefund(existing, event.refund);
      return { ...facts, refunds: { ...facts.refunds, [key]: refund }, test: facts.test || event.test };
    }
    case "chargeback": {
      const key = event.chargeback.chargebackId;
      const existing = facts.chargebacks[key];
      const chargeback = existing === undefined ? event.chargeback : pickChargeback(existing, event.chargeback);
      return { ...facts, chargebacks: { ...facts.chargebacks, [key]: chargeback }, test: facts.test || event.test };
    }
    case "ignored":
    case "customer":
    case "subscription":
      return facts;
  }
}

/** Where a refund is kept in `OrderFacts.refunds`. */
export function refundKey(refund: RefundFact): string {
  return refund.mode === "cumulative" ? CUMULATIVE_REFUND_KEY : refund.refundId;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Instants in time order; ISO texts of one instant written differently fall back to text order. */
function compareTime(a: string, b: string): number {
  return Date.parse(a) - Date.parse(b) || compareText(a, b);
}

function compareNullableNumber(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a - b;
}

/**
 * Two sale events for one order (Paddle sends `transaction.paid` and `transaction.completed`) should
 * carry the same facts; if they differ, the earliest `soldAt` wins, then a fixed order on the
 * content, so the choice never depends on arrival order.
 */
function pickSale(existing: SaleFacts | null, incoming: SaleFacts): SaleFacts {
  if (existing === null) return incoming;
  const byTime = compareText(existing.soldAt, incoming.soldAt);
  if (byTime !== 0) return byTime < 0 ? existing : incoming;
  return compareText(canonicalJson(existing), canonicalJson(incoming)) <= 0 ? existing : incoming;
}

/**
 * Cumulative refunds: the largest amount refunded so far wins. Increment refunds with one id are
 * the same refund; if a later version differs (a corrected adjustment), the latest `at` wins.
 * Remaining ties fall to a fixed order on the whole content, which makes the choice a total order.
 */
function pickRefund(a: RefundFact, b: RefundFact): RefundFact {
  const primary =
    a.mode === "cumulative"
      ? a.grossMinor - b.grossMinor || compareText(a.at, b.at)
      : compareText(a.at, b.at) || a.grossMinor - b.grossMinor;
  // Mode first keeps the order total even if an increment id ever collided with the cumulative key.
  const order =
    compareText(a.mode, b.mode) ||
    primary ||
    compareNullableNumber(a.baseMinor, b.baseMinor) ||
    compareText(canonicalJson(a), canonicalJson(b));
  return order >= 0 ? a : b;
}

/** One dispute event re-delivered with other content: the latest `at` wins, then a reversal, then the content. */
function pickChargeback(a: ChargebackFact, b: ChargebackFact): ChargebackFact {
  const order = compareChargebacks(a, b) || compareText(canonicalJson(a), canonicalJson(b));
  return order >= 0 ? a : b;
}

/**
 * The order of dispute events in time. At the same instant a reversal counts as later: it can only
 * follow the chargeback it reverses (Classic alerts carry whole seconds only).
 */
export function compareChargebacks(a: ChargebackFact, b: ChargebackFact): number {
  const rank = (c: ChargebackFact): number => (c.state === "reversed" ? 1 : 0);
  return compareTime(a.at, b.at) || rank(a) - rank(b) || compareText(a.chargebackId, b.chargebackId);
}

/** A dispute is open when the latest dispute event opened one; the set of events alone decides it. */
export function disputeOpen(facts: OrderFacts): boolean {
  let latest: ChargebackFact | null = null;
  for (const c of Object.values(facts.chargebacks)) if (latest === null || compareChargebacks(c, latest) > 0) latest = c;
  return latest?.state === "open";
}

/** JSON with object keys sorted, so equal content always gives equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const entries = Object.entries(v as Record<string, unknown>).sort(([x], [y]) => compareText(x, y));
      return Object.fromEntries(entries);
    }
    return v;
  });
}
