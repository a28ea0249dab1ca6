import type { ParsedEvent, SaleFacts } from "../../domain/types.js";
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

function transactionCompleted(common: Common, data: unknown, test: boolean): ParsedEvent {
  const txn = parseWith(transactionSchema, data, "transaction.completed data");
  const base = commissionBase(txn);
  const grossMinor = minorField("details.totals.total", txn.details.totals.total, { allowNegative: true });
  // Totals go negative only for subscription changes that end in credit: not a sale to commission.
  if (grossMinor < 0 || base.baseMinor < 0) return { ...common, kind: "ignored", reason: "transaction with negative totals (credit)" };
  const lineProduct = txn.details.line_items[0]?.product;
  const sale: SaleFacts = {
    soldAt: common.occurredAt,
    currency: txn.currency_code,
    grossMinor,
    taxMinor: minorField("details.totals.tax", txn.details.totals.tax),
    ...base,
    productId: lineProduct?.id ?? txn.items[0]?.price?.product_id ?? null,
    productName: lineProduct?.name ?? null,
    customerId: txn.customer_id ?? null,
    customerEmail: null,
    customerName: null,
    affiliate: readAffiliateRef(txn.custom_data, "data.custom_data"),
  };
  return { ...common, kind: "sale", orderId: txn.id, test, sale };
}

/**
 * Refunds count only once Paddle approves them (they start as `pending_approval`). A chargeback
 * and the `chargeback_reverse` that undoes it are separate adjustments with their own ids, so both
 * are keyed by the transaction id: the reversal then lands on the same ChargebackFact. Chargeback
 * *warnings* (early fraud notices) move no money and are ignored: if Paddle refunds or the card
 * network charges back, a `refund` or `chargeback` adjustment follows.
 */
function adjustment(common: Common, data: unknown, test: boolean): ParsedEvent {
  const adj: PaddleAdjustment = parseWith(adjustmentSchema, data, `${common.eventType} data`);
  const order = { ...common, orderId: adj.transaction_id, test };
  if (adj.action === "refund") {
    if (adj.status !== "approved") return { ...common, kind: "ignored", reason: `refund adjustment is ${adj.status}, not approved` };
    const refund = {
      refundId: adj.id,
      mode: "increment" as const,
      at: common.occurredAt,
      grossMinor: minorField("totals.total", adj.totals.total),
      // Earnings can be negative for tax-only adjustments; kept as sent.
      baseMinor: adj.payout_totals ? minorField("payout_totals.earnings", adj.payout_totals.earnings, { allowNegative: true }) : null,
    };
    return { ...order, kind: "refund", refund };
  }
  if (adj.action === "chargeback" || adj.action === "chargeback_reverse") {
    if (adj.status === "rejected") return { ...common, kind: "ignored", reason: `${adj.action} adjustment was rejected` };
    const state = adj.action === "chargeback" ? ("open" as const) : ("reversed" as const);
    return { ...order, kind: "chargeback", chargeback: { chargebackId: adj.transaction_id, state, at: common.occurredAt } };
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
