import { z } from "zod";
import { PLATFORMS, type Platform } from "../../../contracts/platforms.js";
import { timeOf } from "../../../contracts/read-fields.js";
import type { ChargebackFact, RefundFact, SaleFacts } from "../domain/types.js";
import type { Attribution } from "./attribution.js";
import type { DerivedOrder } from "./derive.js";
import type { OrderFacts } from "./facts.js";
import type { PaymentOf } from "./subscription-rules.js";
import { RATE_SOURCES, type RateSource } from "./rates.js";

/**
 * An order as `orders/{orderKey}` holds it: the facts, the owner's decisions about it, and what is
 * derived from them. Times are ISO 8601 strings here; the store keeps saleAt and payableAt as
 * Timestamps so they can be queried and ordered.
 */
export interface OrderRecord extends DerivedOrder {
  platform: Platform;
  orderId: string;
  facts: OrderFacts;
  attribution: Attribution | null;
  courseId: string | null;
  courseName: string | null;
  productId: string | null;
  productName: string | null;
  customerId: string | null;
  customerEmail: string | null;
  customerName: string | null;
  /** Amounts paid out for this order, by payout id, in the commission currency. */
  payouts: Record<string, number>;
  /** Which payment of which subscription this is; null for a one-off sale. */
  payment: PaymentOf | null;
  /** Which level `rateBps` came from (affiliate and course, affiliate, course, program), snapshotted with it. */
  rateSource: RateSource | null;
}

const int = z.int();
const text = z.string();
const nullableText = z.string().nullable();

/** A stored Timestamp, as an ISO string. */
export const instant = z.unknown().transform((value, ctx) => {
  const at = timeOf(value);
  if (at !== null) return at.toISOString();
  ctx.addIssue({ code: "custom", message: "expected a timestamp" });
  return z.NEVER;
});

const saleSchema = z.object({
  soldAt: text,
  currency: text,
  grossMinor: int,
  taxMinor: int,
  feeMinor: int.nullable(),
  baseCurrency: text,
  baseMinor: int,
  baseNote: text.optional(),
  productId: nullableText,
  productName: nullableText,
  customerId: nullableText,
  customerEmail: nullableText,
  customerName: nullableText,
  affiliate: z.object({ value: nullableText, field: nullableText }),
  // Facts stored before these were kept: no subscription, no discount.
  subscription: z.object({ id: text, first: z.boolean() }).nullable().default(null),
  discount: z.object({ code: nullableText, platformId: nullableText }).nullable().default(null),
}) satisfies z.ZodType<SaleFacts, unknown>;

const refundSchema = z.object({
  refundId: text,
  mode: z.enum(["increment", "cumulative"]),
  at: text,
  grossMinor: int,
  baseMinor: int.nullable(),
  // Facts stored before these were kept: applied as they always were.
  full: z.boolean().default(false),
  currency: nullableText.default(null),
  baseCurrency: nullableText.default(null),
}) satisfies z.ZodType<RefundFact, unknown>;

const chargebackSchema = z.object({
  chargebackId: text,
  state: z.enum(["open", "reversed"]),
  at: text,
}) satisfies z.ZodType<ChargebackFact>;

const factsSchema = z.object({
  sale: saleSchema.nullable(),
  refunds: z.record(z.string(), refundSchema),
  chargebacks: z.record(z.string(), chargebackSchema),
  test: z.boolean(),
}) satisfies z.ZodType<OrderFacts, unknown>;

const attributionSchema = z.object({
  affiliateId: nullableText,
  candidate: nullableText,
  field: nullableText,
  rule: z.enum(["payload_ref", "subscription", "discount_code", "none", "manual"]),
  reason: z.enum(["missing", "malformed", "unknown", "inactive", "test", "beyond_policy", "no_start"]).nullable(),
  selfReferral: z.boolean(),
  by: nullableText,
  // Attributions stored before discount codes counted: no code.
  discountCode: nullableText.default(null),
  codeAffiliateId: nullableText.default(null),
  codeApproval: z.boolean().default(false),
}) satisfies z.ZodType<Attribution, unknown>;

/** Reads a stored order; the store writes nothing else, so a mismatch means the data was damaged. */
export const orderRecordSchema = z.object({
  platform: z.enum(PLATFORMS),
  orderId: text,
  facts: factsSchema,
  attribution: attributionSchema.nullable(),
  courseId: nullableText,
  courseName: nullableText,
  productId: nullableText,
  productName: nullableText,
  customerId: nullableText,
  customerEmail: nullableText,
  customerName: nullableText,
  payouts: z.record(z.string(), int),
  // Orders stored before subscriptions were tracked read as one-off sales.
  payment: z.object({ subscriptionId: text, number: int }).nullable().default(null),
  // Orders credited before rate sources were kept.
  rateSource: z.enum(RATE_SOURCES).nullable().default(null),
  status: z.enum(["awaiting_sale", "paid", "partially_refunded", "refunded", "chargeback"]),
  affiliateId: nullableText,
  currency: nullableText,
  grossMinor: int,
  taxMinor: int,
  feeMinor: int.nullable(),
  netMinor: int,
  baseCurrency: nullableText,
  refundedGrossMinor: int,
  refundedBaseMinor: int,
  rateBps: int.nullable(),
  originalCommissionMinor: int,
  commissionMinor: int,
  commissionCurrency: nullableText,
  paidOutMinor: int,
  saleAt: instant.nullable(),
  // Orders stored before the window was snapshotted take the setting the next time they change.
  refundWindowDays: int.nullable().default(null),
  payableAt: instant.nullable(),
  flag: z.enum(["self_referral", "code_only", "refund_currency"]).nullable(),
  flagApproved: z.boolean(),
  test: z.boolean(),
}) satisfies z.ZodType<OrderRecord, unknown>;

export function readOrderRecord(data: unknown, orderKey: string): OrderRecord {
  const parsed = orderRecordSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`orders/${orderKey} is not a stored order (${fields.join("; ")})`);
}
