import type { Currency } from "../domain/types.js";
import { commissionOnRemaining, refundedBaseFraction, roundFraction } from "../money/commission.js";
import type { Attribution } from "./attribution.js";
import type { OrderFacts } from "./facts.js";

export type OrderStatus = "awaiting_sale" | "paid" | "partially_refunded" | "refunded" | "chargeback";

export interface DeriveContext {
  /** From `attribute()` on `facts.sale`, or the kept manual re-attribution; null before the sale. */
  attribution: Attribution | null;
  /** The rate snapshotted when the sale was first seen; null means the program default. */
  rateBps: number | null;
  defaultRateBps: number;
  refundWindowDays: number;
  /** The owner approved the self-referral flag. */
  flagApproved: boolean;
  /** Amounts already paid out for this order, by payout id, in the commission currency. */
  payouts: Record<string, number>;
}

/** Everything on an order that follows from its facts. Plain data; times are ISO 8601 strings. */
export interface DerivedOrder {
  status: OrderStatus;
  affiliateId: string | null;
  /** Sale currency (what the customer paid in); null until the sale is known. */
  currency: Currency | null;
  grossMinor: number;
  taxMinor: number;
  /** Platform fee in `baseCurrency`; null where the platform reports none. */
  feeMinor: number | null;
  /** The seller's net in `baseCurrency`: the commission base (`SaleFacts.baseMinor`). */
  netMinor: number;
  baseCurrency: Currency | null;
  /** Refunded, in the sale currency, capped at `grossMinor`. */
  refundedGrossMinor: number;
  /** Refunded part of the base, capped at `netMinor` (rounded half-even where it was prorated). */
  refundedBaseMinor: number;
  /** The rate applied (the snapshot, or the program default); null until the sale is known. */
  rateBps: number | null;
  /** Commission before any refund or chargeback (0 for test or unattributed orders). */
  originalCommissionMinor: number;
  /** Commission now: after refunds; 0 while a chargeback is open, for test and unattributed orders. */
  commissionMinor: number;
  commissionCurrency: Currency | null;
  /** Sum of payouts already made for this order. */
  paidOutMinor: number;
  saleAt: string | null;
  /** `saleAt` plus the refund window: from then on the commission may be paid out. */
  payableAt: string | null;
  flag: "self_referral" | null;
  flagApproved: boolean;
  test: boolean;
}

const DAY_MS = 86_400_000;

function addDays(iso: string, days: number): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO date: ${JSON.stringify(iso.slice(0, 40))}`);
  return new Date(ms + days * DAY_MS).toISOString();
}

function sumPayouts(payouts: Record<string, number>): number {
  let total = 0;
  for (const amount of Object.values(payouts)) {
    if (!Number.isSafeInteger(amount)) throw new RangeError("payout amounts must be integers");
    total += amount;
  }
  return total;
}

/**
 * A chargeback is open while more chargeback facts are open than reversed. With one id per dispute
 * (the reversal replacing its chargeback) this is "any open"; it stays right if a platform gives
 * the reversal an id of its own.
 */
function chargebackOpen(facts: OrderFacts): boolean {
  let balance = 0;
  for (const c of Object.values(facts.chargebacks)) balance += c.state === "open" ? 1 : -1;
  return balance > 0;
}

/** Recomputes an order from its facts: a pure function, so arrival order never matters. */
export function deriveOrder(facts: OrderFacts, ctx: DeriveContext): DerivedOrder {
  const paidOutMinor = sumPayouts(ctx.payouts);
  const sale = facts.sale;
  const common = {
    paidOutMinor,
    flagApproved: ctx.flagApproved,
    test: facts.test,
  };
  if (sale === null) {
    return {
      status: "awaiting_sale",
      affiliateId: null,
      currency: null,
      grossMinor: 0,
      taxMinor: 0,
      feeMinor: null,
      netMinor: 0,
      baseCurrency: null,
      refundedGrossMinor: 0,
      refundedBaseMinor: 0,
      rateBps: null,
      originalCommissionMinor: 0,
      commissionMinor: 0,
      commissionCurrency: null,
      saleAt: null,
      payableAt: null,
      flag: null,
      ...common,
    };
  }

  const refunds = Object.values(facts.refunds);
  let grossRefunded = 0;
  let reportedBase = 0;
  let proratedGross = 0;
  for (const r of refunds) {
    grossRefunded += r.grossMinor;
    if (r.baseMinor === null) proratedGross += r.grossMinor;
    else reportedBase += r.baseMinor;
  }
  const refundedGrossMinor = Math.min(grossRefunded, sale.grossMinor);
  const fullyRefunded = refunds.length > 0 && grossRefunded >= sale.grossMinor;
  // A full refund takes back the whole base even when the reported base amounts fall short of it.
  const refunded = fullyRefunded
    ? { num: BigInt(sale.baseMinor), den: 1n }
    : refundedBaseFraction({
        baseMinor: sale.baseMinor,
        grossMinor: sale.grossMinor,
        reportedBaseMinor: reportedBase,
        proratedGrossMinor: proratedGross,
      });

  const rateBps = ctx.rateBps ?? ctx.defaultRateBps;
  const affiliateId = ctx.attribution?.affiliateId ?? null;
  const earns = affiliateId !== null && !facts.test;
  const originalCommissionMinor = earns
    ? commissionOnRemaining({ baseMinor: sale.baseMinor, refunded: { num: 0n, den: 1n }, rateBps })
    : 0;
  const disputed = chargebackOpen(facts);
  const commissionMinor =
    earns && !disputed ? commissionOnRemaining({ baseMinor: sale.baseMinor, refunded, rateBps }) : 0;

  const status: OrderStatus = disputed
    ? "chargeback"
    : fullyRefunded
      ? "refunded"
      : refundedGrossMinor > 0 || refunded.num > 0n
        ? "partially_refunded"
        : "paid";

  return {
    status,
    affiliateId,
    currency: sale.currency,
    grossMinor: sale.grossMinor,
    taxMinor: sale.taxMinor,
    feeMinor: sale.feeMinor,
    netMinor: sale.baseMinor,
    baseCurrency: sale.baseCurrency,
    refundedGrossMinor,
    refundedBaseMinor: roundFraction(refunded),
    rateBps,
    originalCommissionMinor,
    commissionMinor,
    commissionCurrency: sale.baseCurrency,
    saleAt: sale.soldAt,
    payableAt: addDays(sale.soldAt, ctx.refundWindowDays),
    flag: affiliateId !== null && ctx.attribution?.selfReferral === true ? "self_referral" : null,
    ...common,
  };
}
