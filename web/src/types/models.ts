// Read-side shapes of the Firestore documents the portal shows (see docs/data-model.md). What the
// functions define for both sides (statuses, platforms, ledger shards, settings) comes from contracts/.
import type { AffiliateStatus } from "../../../contracts/affiliates";
import type { LedgerShard as StoredLedgerShard } from "../../../contracts/ledger";
import type { Platform } from "../../../contracts/platforms";

export { AFFILIATE_STATUSES, type AffiliateStatus } from "../../../contracts/affiliates";
export { PLATFORM_LABELS, PLATFORMS, type Platform } from "../../../contracts/platforms";
export type { ProgramSettings } from "../../../contracts/program-settings";
import type { RecurringPolicy } from "../../../contracts/recurring-policy";

export const COMMISSION_STATUSES = ["pending", "paid", "refunded", "reversed", "flagged"] as const;
export type CommissionStatus = (typeof COMMISSION_STATUSES)[number];

export interface Commission {
  id: string;
  affiliateId: string;
  orderKey: string;
  platform: string;
  courseId: string;
  courseName: string;
  saleAt: Date | null;
  payableAt: Date | null;
  currency: string;
  saleMinor: number;
  commissionMinor: number;
  originalCommissionMinor: number;
  rateBps: number;
  status: CommissionStatus;
  test: boolean;
  /** Which payment of a subscription the sale is; null for a one-off sale. */
  payment: number | null;
}

/** `ledgers/{affiliateId}_{currency}_{shard}`, as contracts/ledger reads it, with its document id. */
export interface LedgerShard extends StoredLedgerShard {
  id: string;
}

export interface DayClicks {
  clicks: number;
  uniques: number;
}

export interface ClickStat {
  id: string;
  affiliateId: string;
  /** `YYYY-MM` */
  month: string;
  /** Keyed by two-digit day of month, `DD`. */
  days: Record<string, DayClicks>;
}

export interface Payout {
  id: string;
  affiliateId: string;
  amountMinor: number;
  currency: string;
  method: string;
  reference: string;
  createdAt: Date | null;
  orderKeys: string[];
}

/** `payoutRequests/{affiliateId}_{currency}`: the affiliate's latest request to be paid in that currency. */
export interface PayoutRequest {
  id: string;
  affiliateId: string;
  currency: string;
  amountMinor: number;
  status: "open" | "paid";
  requestedAt: Date | null;
  closedAt: Date | null;
  payoutId: string | null;
}

export interface Course {
  id: string;
  name: string;
  siteUrl: string;
}

export interface AffiliateProfile {
  id: string;
  email: string;
  name: string;
  status: AffiliateStatus | null;
  rateBps: number | null;
  cookieDays: number | null;
  discountCode: string | null;
  /** Paddle Billing's id for the code (`dsc_…`), which its sales carry instead of the code. */
  paddleDiscountId: string | null;
  /** Sales credited by the code alone wait for the owner's approval. */
  codeOnlyApproval: boolean;
  /** The affiliate's rate on particular courses, basis points by course id. */
  courseRates: Record<string, number>;
  slug: string | null;
  displayName: string;
  payoutEmail: string;
  website: string;
  promotion: string;
  createdAt: Date | null;
}

/** `settings/program` as stored, without the defaults: the dashboard does not load the settings schema. */
export interface StoredProgramSettings {
  name: string;
  defaultRateBps: number | null;
  refundWindowDays: number | null;
  cookieDays: number | null;
  payoutThresholdMinor: number | null;
  discountCode: string | null;
}

/** Only these two fields of `affiliates/{uid}` may be written by the affiliate. */
export interface ProfileUpdate {
  displayName: string;
  payoutEmail: string;
}

// Owner console shapes. The owner reads orders, mail and every affiliate under the rules; changes
// go through callables.

export const ORDER_STATUSES = ["awaiting_sale", "paid", "partially_refunded", "refunded", "chargeback"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Why an order was credited (or not): the receipt the owner reviews. */
export interface AttributionReceipt {
  affiliateId: string | null;
  candidate: string | null;
  field: string | null;
  rule: string;
  reason: string | null;
  selfReferral: boolean;
  by: string | null;
  discountCode: string | null;
  codeAffiliateId: string | null;
}

export interface OwnerOrder {
  id: string;
  platform: string;
  orderId: string;
  status: OrderStatus | null;
  affiliateId: string | null;
  attribution: AttributionReceipt | null;
  courseName: string;
  /** Which payment of a subscription the order is; null for a one-off sale. */
  payment: number | null;
  productName: string;
  customerEmail: string;
  currency: string;
  grossMinor: number;
  taxMinor: number;
  netMinor: number;
  baseCurrency: string;
  /** Which commission base the sale's facts used, where a platform can give more than one (Stripe with or without its API). */
  baseNote: string | null;
  refundedGrossMinor: number;
  rateBps: number | null;
  /** Which level the rate came from: affiliate_course, affiliate, course or program. */
  rateSource: string | null;
  commissionMinor: number;
  commissionCurrency: string;
  paidOutMinor: number;
  payoutIds: string[];
  flag: string | null;
  flagApproved: boolean;
  test: boolean;
  saleAt: Date | null;
  payableAt: Date | null;
}

export interface OwnerAffiliate extends AffiliateProfile {
  note: string;
  /** The affiliate's own recurring-payments policy; null: the program's. */
  recurringPolicy: RecurringPolicy | null;
}

export interface OwnerPayout extends Payout {
  payeeName: string;
  payeeEmail: string;
}

export interface OwnerCourse extends Course {
  productIds: Record<Platform, string[]>;
  /** The course's own rate; null: the program's. */
  rateBps: number | null;
}

/** `applications/{id}`: what the public form sent, awaiting the owner. */
export interface OwnerApplication {
  id: string;
  name: string;
  email: string;
  website: string;
  promotion: string;
  createdAt: Date | null;
}

export interface MailItem {
  id: string;
  to: string[];
  subject: string;
  kind: string;
  createdAt: Date | null;
  /** The Trigger Email extension's delivery state (PENDING, PROCESSING, SUCCESS, ERROR), or null before it picked the mail up. */
  state: string | null;
  error: string | null;
  /** The two bodies exactly as queued: the HTML document and the plain-text part. */
  html: string;
  text: string;
}

/** A stored webhook event that could not be parsed or applied: the owner replays it once the cause is fixed. */
export interface FailedEvent {
  id: string;
  platform: string;
  eventType: string | null;
  /** `parse`: the body does not read (e.g. a currency this version does not know); `apply`: writing it failed. */
  stage: string | null;
  error: string;
  receivedAt: Date | null;
  failedAt: Date | null;
}
