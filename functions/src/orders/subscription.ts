import { z } from "zod";
import { PLATFORMS, type Platform } from "../../../contracts/platforms.js";
import { recurringPolicySchema, type RecurringPolicy } from "../../../contracts/recurring-policy.js";
import type { AffiliateRef, SaleFacts, SubscriptionStart } from "../domain/types.js";
import { policyVerdict } from "./recurring-policy.js";
import { instant } from "./record.js";

// A subscription (or instalment plan) as `subscriptions/{platform}_{id}` holds it. Like an order,
// it keeps facts merged with joins (so arrival order and repeats change nothing) and one decision
// made once: the affiliate it is credited to and the policy that applied then.

export interface SubscriptionRecord {
  platform: Platform;
  subscriptionId: string;
  /** The order of the payment that started it, once known. */
  firstOrderId: string | null;
  /** When the first payment was made: where a "first N months" policy counts from. */
  startedAt: string | null;
  /** The later payments (renewals, upgrades, one-off charges): order id → payment time. */
  renewals: Record<string, string>;
  productId: string | null;
  productName: string | null;
  /** The reference sent with the start of the subscription (Lemon Squeezy `subscription_created`). */
  ref: AffiliateRef | null;
  test: boolean;
  /** Decided once, when a payment of the subscription is first credited; renewals follow it. */
  affiliateId: string | null;
  /** The policy that applied then (the affiliate's own, else the program's). */
  policy: RecurringPolicy | null;
  /** How many of the payments recorded so far earn under the policy (the first one included). */
  paymentsCredited: number;
}

export function emptySubscription(platform: Platform, subscriptionId: string): SubscriptionRecord {
  return {
    platform,
    subscriptionId,
    firstOrderId: null,
    startedAt: null,
    renewals: {},
    productId: null,
    productName: null,
    ref: null,
    test: false,
    affiliateId: null,
    policy: null,
    paymentsCredited: 0,
  };
}

const minText = (a: string | null, b: string | null): string | null => (a === null ? b : b === null ? a : a <= b ? a : b);

/** The earlier instant; one instant written two ways falls back to text order. */
function earlier(a: string | null, b: string | null): string | null {
  if (a === null || b === null) return a ?? b;
  const diff = Date.parse(a) - Date.parse(b);
  return diff < 0 ? a : diff > 0 ? b : minText(a, b);
}

/** Adds one payment's facts. */
export function withPayment(sub: SubscriptionRecord, orderId: string, sale: SaleFacts, test: boolean): SubscriptionRecord {
  const product = { productId: minText(sub.productId, sale.productId), productName: minText(sub.productName, sale.productName) };
  if (sale.subscription?.first) {
    return { ...sub, ...product, firstOrderId: minText(sub.firstOrderId, orderId), startedAt: earlier(sub.startedAt, sale.soldAt), test: sub.test || test };
  }
  const at = earlier(sub.renewals[orderId] ?? null, sale.soldAt) ?? sale.soldAt;
  return { ...sub, ...product, renewals: { ...sub.renewals, [orderId]: at }, test: sub.test || test };
}

/** Adds what the platform said when the subscription began (Lemon Squeezy `subscription_created`). */
export function withStart(sub: SubscriptionRecord, start: SubscriptionStart, test: boolean): SubscriptionRecord {
  const ref = sub.ref?.value ? sub.ref : start.affiliate.value ? start.affiliate : sub.ref;
  return {
    ...sub,
    firstOrderId: minText(sub.firstOrderId, start.firstOrderId),
    startedAt: earlier(sub.startedAt, start.startedAt),
    productId: minText(sub.productId, start.productId),
    productName: minText(sub.productName, start.productName),
    ref,
    test: sub.test || test,
  };
}

/** Renewals in payment order: by time, then by order id. */
function renewalOrder(sub: SubscriptionRecord): string[] {
  return Object.keys(sub.renewals).sort((a, b) => Date.parse(sub.renewals[a] ?? "") - Date.parse(sub.renewals[b] ?? "") || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The payment's number in the subscription: 1 for the one that started it, else 2 plus the
 * renewals made before it. Known without the first payment having arrived.
 */
export function paymentNumber(sub: SubscriptionRecord, orderId: string): number {
  if (sub.firstOrderId === orderId && !(orderId in sub.renewals)) return 1;
  const index = renewalOrder(sub).indexOf(orderId);
  if (index < 0) throw new RangeError(`order ${orderId} is not a payment of subscription ${sub.subscriptionId}`);
  return index + 2;
}

/** Credits the subscription once; later calls keep the first decision. */
export function creditSubscription(sub: SubscriptionRecord, affiliateId: string, policy: RecurringPolicy): SubscriptionRecord {
  return sub.affiliateId !== null ? sub : { ...sub, affiliateId, policy };
}

/**
 * The owner re-attributed the payment that started the subscription: the subscription follows it,
 * with the policy of the affiliate now credited, so its renewals go where the first payment went.
 */
export function movedSubscription(sub: SubscriptionRecord, affiliateId: string, policy: RecurringPolicy): SubscriptionRecord {
  return sub.affiliateId === affiliateId ? sub : { ...sub, affiliateId, policy };
}

/** `paymentsCredited` for the payments recorded so far. */
export function withCount(sub: SubscriptionRecord): SubscriptionRecord {
  const policy = sub.policy;
  if (sub.affiliateId === null || policy === null) return { ...sub, paymentsCredited: 0 };
  const first = sub.firstOrderId !== null ? 1 : 0;
  const renewals = renewalOrder(sub).filter((id, i) => policyVerdict(policy, { number: i + 2, paidAt: sub.renewals[id] ?? "" }, sub.startedAt).earns).length;
  return { ...sub, paymentsCredited: first + renewals };
}

/**
 * The other renewals whose outcome the change from `before` to `after` can move: all of them when
 * the credit, the policy, the start or the product changed; else those made after a renewal that
 * is new (their numbers grew by one).
 */
export function renewalsToRederive(before: SubscriptionRecord, after: SubscriptionRecord, orderId: string | null): string[] {
  const others = renewalOrder(after).filter((id) => id !== orderId);
  const changed =
    before.affiliateId !== after.affiliateId ||
    JSON.stringify(before.policy) !== JSON.stringify(after.policy) ||
    before.startedAt !== after.startedAt ||
    before.productName !== after.productName ||
    before.productId !== after.productId;
  if (changed) return others;
  if (orderId === null || orderId in before.renewals || !(orderId in after.renewals)) return [];
  const number = paymentNumber(after, orderId);
  return others.filter((id) => paymentNumber(after, id) > number);
}

const nullableText = z.string().nullable();

/** Reads a stored subscription; the store writes nothing else, so a mismatch means the data was damaged. */
const subscriptionSchema = z.object({
  platform: z.enum(PLATFORMS),
  subscriptionId: z.string(),
  firstOrderId: nullableText,
  startedAt: instant.nullable(),
  renewals: z.record(z.string(), z.string()),
  productId: nullableText,
  productName: nullableText,
  ref: z.object({ value: nullableText, field: nullableText }).nullable(),
  test: z.boolean(),
  affiliateId: nullableText,
  policy: recurringPolicySchema.nullable(),
  paymentsCredited: z.int(),
}) satisfies z.ZodType<SubscriptionRecord, unknown>;

export function readSubscriptionRecord(data: unknown, key: string): SubscriptionRecord {
  const parsed = subscriptionSchema.safeParse(data);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`subscriptions/${key} is not a stored subscription (${fields.join("; ")})`);
}
