import type { Currency, RefundFact, SaleFacts } from "../domain/types.js";
import { commissionOnRemaining, refundedBaseFraction, roundFraction } from "../money/commission.js";
import type { Attribution } from "./attribution.js";
import { disputeOpen, type OrderFacts } from "./facts.js";

export type OrderFlag = "self_referral" | "code_only" | "refund_currency";

export type OrderStatus = "awaiting_sale" | "paid" | "partially_refunded" | "refunded" | "chargeback";

export interface DeriveContext {
  /** From `attribute()` on `facts.sale`, or the kept manual re-attribution; null before the sale. */
  attribution: Attribution | null;
  /** The rate snapshotted when the sale was first seen; null means the program default. */
  rateBps: number | null;
  defaultRateBps: number;
  /** The window snapshotted on the order when its sale was first seen (the program's setting then). */
  refundWindowDays: number;
  /** The owner approved the order's flag. */
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
  /** The refund window applied, snapshotted when the sale was first seen; null until then. */
  refundWindowDays: number | null;
  /** `saleAt` plus the refund window, to the millisecond: from then on the commission may be paid out. */
  payableAt: string | null;
  /**
   * Why the commission is held for the owner: `refund_currency` (a refund in another currency than
   * its sale, not applied: there is no rate to convert it) outranks `self_referral`, which outranks
   * `code_only` (credited by a discount code alone, for an affiliate whose code-only sales the owner approves).
   */
  flag: OrderFlag | null;
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

/** The refund is in the sale's currencies; one that is not can't be applied without a rate. */
function sameCurrencies(refund: RefundFact, sale: SaleFacts): boolean {
  if (refund.currency !== null && refund.currency !== sale.currency) return false;
  return refund.baseMinor === null || refund.baseCurrency === null || refund.baseCurrency === sale.baseCurrency;
}

/**
 * The signed sums of the refunds and credits that apply to the sale. A `full` one counts as the
 * whole sale (its grand total and base) with the sign of its amount, whatever amounts it reports.
 */
function refundSums(refunds: readonly RefundFact[], sale: SaleFacts) {
  let gross = 0;
  let reportedBase = 0;
  let proratedGross = 0;
  for (const r of refunds) {
    const sign = r.grossMinor < 0 || (r.grossMinor === 0 && (r.baseMinor ?? 0) < 0) ? -1 : 1;
    if (r.full) {
      gross += sign * sale.grossMinor;
      reportedBase += sign * sale.baseMinor;
    } else {
      gross += r.grossMinor;
      if (r.baseMinor === null) proratedGross += r.grossMinor;
      else reportedBase += r.baseMinor;
    }
  }
  return { gross, reportedBase, proratedGross };
}

function flagOf(foreignRefund: boolean, credited: Attribution | null): OrderFlag | null {
  if (foreignRefund) return "refund_currency";
  if (credited?.selfReferral === true) return "self_referral";
  return credited?.codeApproval === true ? "code_only" : null;
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
      refundWindowDays: null,
      payableAt: null,
      flag: null,
      ...common,
    };
  }

  const all = Object.values(facts.refunds);
  const refunds = all.filter((r) => sameCurrencies(r, sale));
  const foreignRefund = refunds.length < all.length;
  const sums = refundSums(refunds, sale);
  const refundedGrossMinor = Math.min(Math.max(sums.gross, 0), sale.grossMinor);
  const fullyRefunded = refunds.length > 0 && sums.gross >= sale.grossMinor;
  // A full refund takes back the whole base even when the reported base amounts fall short of it.
  const refunded = fullyRefunded
    ? { num: BigInt(sale.baseMinor), den: 1n }
    : refundedBaseFraction({
        baseMinor: sale.baseMinor,
        grossMinor: sale.grossMinor,
        reportedBaseMinor: sums.reportedBase,
        proratedGrossMinor: sums.proratedGross,
      });

  const rateBps = ctx.rateBps ?? ctx.defaultRateBps;
  const affiliateId = ctx.attribution?.affiliateId ?? null;
  const earns = affiliateId !== null && !facts.test;
  const originalCommissionMinor = earns
    ? commissionOnRemaining({ baseMinor: sale.baseMinor, refunded: { num: 0n, den: 1n }, rateBps })
    : 0;
  const disputed = disputeOpen(facts);
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
    refundWindowDays: ctx.refundWindowDays,
    payableAt: addDays(sale.soldAt, ctx.refundWindowDays),
    flag: flagOf(foreignRefund, affiliateId === null ? null : ctx.attribution),
    ...common,
  };
}
