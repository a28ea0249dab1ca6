import type { Platform } from "../../../contracts/platforms.js";

// The contract between the pure modules (parsing, money, attribution, ledger, emails) and the
// Firebase glue. Every amount is an integer in minor units of the currency beside it.


/** ISO 4217 code, upper case. */
export type Currency = string;

/** The raw affiliate reference found in a payload, before it is resolved against Firestore. */
export interface AffiliateRef {
  /** The value as sent (trimmed), or null when the payload carried none. */
  value: string | null;
  /** Where it was found, e.g. "data.custom_data.affiliateId" or "passthrough (json).aff". */
  field: string | null;
}

export interface SaleFacts {
  soldAt: string; // ISO 8601
  currency: Currency; // what the customer paid in
  grossMinor: number; // paid by the customer, tax included
  taxMinor: number;
  feeMinor: number | null; // platform fee, in baseCurrency; null where the platform reports none
  /** The commission base: the seller's net in the currency the seller is paid in. */
  baseCurrency: Currency;
  baseMinor: number;
  /** Which base `baseMinor` is, where a platform can give more than one (Stripe: with or without its API). */
  baseNote?: string;
  productId: string | null;
  productName: string | null;
  customerId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  affiliate: AffiliateRef;
  /** Present when the payment belongs to a subscription or an instalment plan. */
  subscription: { id: string; first: boolean } | null;
  /** The discount the customer used, as the platform reports it (code and/or the platform's id). */
  discount: { code: string | null; platformId: string | null } | null;
}

/**
 * One refund or credit as the platform reports it. Paddle and Classic report each one on its own
 * (`increment`, keyed by the adjustment/alert id); Lemon Squeezy reports the cumulative amount
 * refunded so far (`cumulative`): the largest one seen wins. Amounts are signed: a credit reversal
 * gives money back to the seller (negative), and a tax-only refund can raise the seller's net
 * (Paddle's negative `earnings`, Classic's negative `balance_earnings_decrease`).
 */
export interface RefundFact {
  refundId: string;
  mode: "increment" | "cumulative";
  at: string; // ISO 8601
  /** In `currency`, which should be the sale currency. */
  grossMinor: number;
  /** In `baseCurrency`; null when the platform gives none and the base share is prorated. */
  baseMinor: number | null;
  /** The platform says the whole sale is adjusted (Paddle `type: full`): it counts as the sale's gross and base. */
  full: boolean;
  /** Currencies as the platform reported them; null on facts stored before they were kept. */
  currency: Currency | null;
  baseCurrency: Currency | null;
}

/**
 * One dispute event, keyed by its own adjustment or alert id. The latest one (by `at`) says
 * whether a dispute is open, so chargeback → won → second chargeback ends open.
 */
export interface ChargebackFact {
  chargebackId: string;
  /** `open` takes the commission back; `reversed` (won by the seller) restores it. */
  state: "open" | "reversed";
  at: string;
}

/**
 * A subscription began, reported apart from its first payment (Lemon Squeezy `subscription_created`,
 * sent beside the `order_created` of that payment): it names the order, so renewals that carry no
 * custom data can be credited to that order's affiliate.
 */
export interface SubscriptionStart {
  subscriptionId: string;
  /** The order of the first payment. */
  firstOrderId: string;
  startedAt: string; // ISO 8601
  productId: string | null;
  productName: string | null;
  affiliate: AffiliateRef;
}

interface EventCommon {
  platform: Platform;
  /** Business key for idempotency: Paddle event_id, Classic alert_id, derived for Lemon Squeezy. */
  eventKey: string;
  eventType: string;
  occurredAt: string;
}

interface OrderEventCommon extends EventCommon {
  orderId: string;
  test: boolean;
}

export type ParsedEvent =
  | (EventCommon & { kind: "ignored"; reason: string })
  | (OrderEventCommon & { kind: "sale"; sale: SaleFacts })
  | (OrderEventCommon & { kind: "refund"; refund: RefundFact })
  | (OrderEventCommon & { kind: "chargeback"; chargeback: ChargebackFact })
  /** Paddle Billing sends the customer's email only on customer events. */
  | (EventCommon & { kind: "customer"; customerId: string; email: string | null; name: string | null })
  | (EventCommon & { kind: "subscription"; test: boolean; start: SubscriptionStart });

/** Result of checking a signature: never throws, never echoes secrets. */
export type VerifyResult = { ok: true } | { ok: false; status: 400 | 401; reason: string };
