import type { ParsedEvent, RefundFact, SaleFacts } from "../../domain/types.js";
import { readAffiliateRef } from "../affiliate-ref.js";
import { minorField, parseWith } from "../parse-helpers.js";
import { parseJsonBody, PayloadError } from "../payload-error.js";
import { adjustmentSchema, customerSchema, envelopeSchema, transactionSchema, type PaddleAdjustment, type PaddleTransaction } from "./schemas.js";

export interface PaddleParseOptions {
  /** Paddle payloads do not say which environment sent them; the endpoint's config does. */
  sandbox: boolean;
}

type Common = { platform: "paddle"; eventKey: string; eventType: string; occurredAt: string };

/** Base = seller net after tax and fee, in the payout currency (`payout_totals`), else in the sale currency. */
function commissionBase(txn: PaddleTransaction): Pick<SaleFacts, "baseCurrency" | "baseMinor" | "feeMinor"> {
  const payout = txn.details.payout_totals;
  if (payout) {
    return {
      baseCurrency: payout.currency_code,
      baseMinor: minorField("details.payout_totals.earnings", payout.earnings, { allowNegative: true }),
      feeMinor: minorField("details.payout_totals.fee", payout.fee),
    };
  }
  const { earnings, fee } = txn.details.totals;
  if (earnings == null || fee == null) {
    throw new PayloadError("transaction.completed: neither payout_totals nor totals.earnings/fee is present");
  }
  return {
    baseCurrency: txn.currency_code,
    baseMinor: minorField("details.totals.earnings", earnings, { allowNegative: true }),
    feeMinor: minorField("details.totals.fee", fee),
  };
}

/** Checkouts (`web`) and API-created transactions (`api`) start a subscription; renewals, upgrades and one-off charges on it do not. */
const STARTING_ORIGINS = new Set(["web", "api"]);

function subscriptionOf(txn: PaddleTransaction): SaleFacts["subscription"] {
  return txn.subscription_id ? { id: txn.subscription_id, first: STARTING_ORIGINS.has(txn.origin ?? "") } : null;
}

function transactionCompleted(common: Common, data: unknown, test: boolean): ParsedEvent {
  const txn = parseWith(transactionSchema, data, "transaction.completed data");
  const base = commissionBase(txn);
  const { totals } = txn.details;
  const totalMinor = minorField("details.totals.total", totals.total, { allowNegative: true });
  // What the customer owes after credits from their balance: the sale's gross (W-2 of issue 11).
  const grossMinor = totals.grand_total == null ? totalMinor : minorField("details.totals.grand_total", totals.grand_total, { allowNegative: true });
  // Totals go negative only for subscription changes that end in credit: not a sale to commission.
  if (grossMinor < 0 || base.baseMinor < 0) return { ...common, kind: "ignored", reason: "transaction with negative totals (credit)" };
  // A zero total is a payment-method change or a free transaction: nothing was sold.
  if (totalMinor === 0) return { ...common, kind: "ignored", reason: "zero-value transaction (payment-method change): not a sale" };
  const lineProduct = txn.details.line_items[0]?.product;
  const sale: SaleFacts = {
    soldAt: common.occurredAt,
    currency: txn.currency_code,
    grossMinor,
    taxMinor: minorField("details.totals.tax", totals.tax),
    ...base,
    productId: lineProduct?.id ?? txn.items[0]?.price?.product_id ?? null,
    productName: lineProduct?.name ?? null,
    customerId: txn.customer_id ?? null,
    customerEmail: null,
    customerName: null,
    affiliate: readAffiliateRef(txn.custom_data, "data.custom_data"),
    subscription: subscriptionOf(txn),
    // Paddle sends only the discount's id; the owner records it beside the affiliate's code.
    discount: txn.discount_id ? { code: null, platformId: txn.discount_id } : null,
  };
  return { ...common, kind: "sale", orderId: txn.id, test, sale };
}

/**
 * A refund or a credit as a signed RefundFact keyed by the adjustment id. Both lower what the
 * seller keeps; a `credit_reverse` (its own adjustment) gives it back, so its amounts are negated.
 * Earnings are negative for tax adjustments (the seller's net does not drop): kept as sent, the sum
 * of all of them is clamped to [0, base] when the order is derived. `type: full` adjusts the grand
 * total, whatever totals the adjustment itself carries.
 */
function refundOrCredit(adj: PaddleAdjustment, at: string, sign: 1 | -1): RefundFact {
  const earnings = adj.payout_totals ? minorField("payout_totals.earnings", adj.payout_totals.earnings, { allowNegative: true }) : null;
  return {
    refundId: adj.id,
    mode: "increment",
    at,
    grossMinor: sign * minorField("totals.total", adj.totals.total),
    baseMinor: earnings === null ? null : sign * earnings,
    full: adj.type === "full",
    currency: adj.currency_code,
    baseCurrency: adj.payout_totals?.currency_code ?? null,
  };
}

/**
 * Refunds count only once Paddle approves them (they start as `pending_approval`); credits are
 * created approved. Every dispute adjustment (a chargeback, the `chargeback_reverse` that undoes
 * it, a later second chargeback) is its own fact keyed by its adjustment id: the latest one says
 * whether the order is disputed. Chargeback *warnings* (early fraud notices) move no money and are
 * ignored: if Paddle refunds or the card network charges back, a `refund` or `chargeback` follows.
 */
function adjustment(common: Common, data: unknown, test: boolean): ParsedEvent {
  const adj: PaddleAdjustment = parseWith(adjustmentSchema, data, `${common.eventType} data`);
  const order = { ...common, orderId: adj.transaction_id, test };
  if (adj.action === "refund" || adj.action === "credit" || adj.action === "credit_reverse") {
    if (adj.status !== "approved") return { ...common, kind: "ignored", reason: `${adj.action} adjustment is ${adj.status}, not approved` };
    return { ...order, kind: "refund", refund: refundOrCredit(adj, common.occurredAt, adj.action === "credit_reverse" ? -1 : 1) };
  }
  if (adj.action === "chargeback" || adj.action === "chargeback_reverse") {
    if (adj.status === "rejected") return { ...common, kind: "ignored", reason: `${adj.action} adjustment was rejected` };
    const state = adj.action === "chargeback" ? ("open" as const) : ("reversed" as const);
    return { ...order, kind: "chargeback", chargeback: { chargebackId: adj.id, state, at: common.occurredAt } };
  }
  return { ...common, kind: "ignored", reason: `adjustment action ${adj.action} does not affect commission` };
}

export function parsePaddleEvent(rawBody: string | Buffer, options: PaddleParseOptions): ParsedEvent {
  const envelope = parseWith(envelopeSchema, parseJsonBody(rawBody, "Paddle event"), "Paddle event");
  const common: Common = {
    platform: "paddle",
    eventKey: envelope.event_id,
    eventType: envelope.event_type,
    occurredAt: envelope.occurred_at,
  };
  switch (envelope.event_type) {
    case "transaction.completed":
      return transactionCompleted(common, envelope.data, options.sandbox);
    case "adjustment.created":
    case "adjustment.updated":
      return adjustment(common, envelope.data, options.sandbox);
    case "customer.created":
    case "customer.updated": {
      const customer = parseWith(customerSchema, envelope.data, `${envelope.event_type} data`);
      return { ...common, kind: "customer", customerId: customer.id, email: customer.email ?? null, name: customer.name ?? null };
    }
    default:
      return { ...common, kind: "ignored", reason: `event type ${envelope.event_type} is not used` };
  }
}
