import type { Platform } from "../../../contracts/platforms.js";
import type { RecurringPolicy } from "../../../contracts/recurring-policy.js";
import type { SaleFacts, SubscriptionStart } from "../domain/types.js";
import { attribute, isAffiliateIdShape, isSelfReferral, NO_CODE, type AffiliateCandidate, type Attribution } from "./attribution.js";
import { policyVerdict } from "./recurring-policy.js";
import { creditSubscription, emptySubscription, movedSubscription, paymentNumber, withCount, withPayment, withStart, type SubscriptionRecord } from "./subscription.js";

// Who a payment of a subscription is credited to, and whether it earns. The payment that starts a
// subscription is credited from its own reference like any sale; the subscription is credited once,
// by the first of its payments that credits an affiliate, and snapshots the policy then. Later
// payments follow the subscription (their own reference counts only while it has no affiliate) and
// earn while the policy allows. The owner's re-attribution of the first payment moves the
// subscription too; of a renewal, that payment only. Everything here is a function of the subscription's facts and that
// one decision, so the store re-derives the renewals a change can move and arrival order is moot.

/** What the order rules need to know about the subscription of the order being changed. */
export interface SubscriptionContext {
  platform: Platform;
  orderId: string;
  /** `subscriptions/{platform}_{id}` as stored before this change; null when there is none. */
  stored: SubscriptionRecord | null;
}

/** The payment's place in its subscription, kept on the order for emails and the portal. */
export interface PaymentOf {
  subscriptionId: string;
  /** 1 for the payment that started the subscription. */
  number: number;
}

/** A later payment of a subscription: a renewal, an upgrade or a one-off charge on it. */
export function isRenewal(sale: SaleFacts | null): boolean {
  return sale?.subscription != null && !sale.subscription.first;
}

/** The affiliate's own policy, else the program's. */
export function policyFor(candidate: AffiliateCandidate | null, programPolicy: RecurringPolicy): RecurringPolicy {
  return candidate?.recurringPolicy ?? programPolicy;
}

/** A renewal is credited to its subscription's affiliate once there is one; before that, its own reference is read. */
export function affiliateToReadFor(sale: SaleFacts | null, planned: string | null, manual: boolean, sub: SubscriptionRecord | null): string | null {
  if (!manual && isRenewal(sale) && sub?.affiliateId) return sub.affiliateId;
  return planned;
}

export interface SubscriptionDecision {
  attribution: Attribution | null;
  subscription: SubscriptionRecord;
  payment: PaymentOf;
}

/**
 * The credit of one payment of a subscription and the subscription after it. `own` is how the
 * order rules credit the sale from its own reference (decided once); `candidate` is the affiliate
 * looked up for it (the subscription's for a renewal of a credited subscription).
 */
export function decideSubscriptionPayment(input: {
  ctx: SubscriptionContext;
  sale: SaleFacts & { subscription: { id: string; first: boolean } };
  test: boolean;
  own: Attribution | null;
  candidate: AffiliateCandidate | null;
  customerEmail: string | null;
  programPolicy: RecurringPolicy;
}): SubscriptionDecision {
  const { ctx, sale, test, own, candidate } = input;
  let sub = withPayment(ctx.stored ?? emptySubscription(ctx.platform, sale.subscription.id), ctx.orderId, sale, test);
  const first = sale.subscription.first;
  const payment = { subscriptionId: sale.subscription.id, number: first ? 1 : paymentNumber(sub, ctx.orderId) };
  const manual = own?.rule === "manual";

  let attribution: Attribution | null;
  if (first || manual) {
    attribution = own;
  } else if (sub.affiliateId !== null) {
    const credited = sub.affiliateId;
    const selfReferral = candidate?.id === credited && isSelfReferral(input.customerEmail, candidate);
    const base = { affiliateId: credited, candidate: credited, field: "subscription", rule: "subscription", reason: null, selfReferral, by: null, ...NO_CODE } as const;
    attribution = test ? { ...base, affiliateId: null, reason: "test" } : base;
  } else {
    // Credited from the renewal's own reference; a slug is credited to the affiliate it names.
    const ref = candidate ? { ...sale.affiliate, value: candidate.id } : sale.affiliate;
    attribution = attribute({ ref, candidate, customerEmail: input.customerEmail, test });
  }

  if (attribution?.affiliateId && !test && !manual) sub = creditSubscription(sub, attribution.affiliateId, policyFor(candidate, input.programPolicy));
  if (first && manual && attribution?.affiliateId && !test) {
    const moved = attribution.affiliateId;
    sub = movedSubscription(sub, moved, policyFor(candidate?.id === moved ? candidate : null, input.programPolicy));
  }
  if (!first && !manual && attribution?.affiliateId && sub.policy) {
    const verdict = policyVerdict(sub.policy, { number: payment.number, paidAt: sale.soldAt }, sub.startedAt);
    if (!verdict.earns) attribution = { ...attribution, affiliateId: null, candidate: attribution.affiliateId, reason: verdict.reason, selfReferral: false };
  }
  return { attribution, subscription: withCount(sub), payment };
}

/**
 * A subscription's start as the platform reports it apart from its first payment (Lemon Squeezy
 * `subscription_created`): credited to whom its first order is credited, else from its own
 * reference (the checkout's custom data, the same the order carries).
 */
export function decideSubscriptionStart(input: {
  stored: SubscriptionRecord | null;
  platform: Platform;
  start: SubscriptionStart;
  test: boolean;
  /** The affiliate credited on the first order, when that order is recorded and credits one. */
  firstOrderAffiliate: string | null;
  /** The affiliate looked up: the first order's, else the one the start's reference names. */
  candidate: AffiliateCandidate | null;
  programPolicy: RecurringPolicy;
}): SubscriptionRecord {
  const sub = withStart(input.stored ?? emptySubscription(input.platform, input.start.subscriptionId), input.start, input.test);
  if (sub.affiliateId !== null || input.test) return withCount(sub);
  if (input.firstOrderAffiliate !== null) return withCount(creditSubscription(sub, input.firstOrderAffiliate, policyFor(input.candidate, input.programPolicy)));
  const value = input.start.affiliate.value?.trim() ?? "";
  if (!isAffiliateIdShape(value) || input.candidate === null) return withCount(sub);
  const decided = attribute({ ref: { ...input.start.affiliate, value: input.candidate.id }, candidate: input.candidate, customerEmail: null, test: false });
  return withCount(decided.affiliateId ? creditSubscription(sub, decided.affiliateId, policyFor(input.candidate, input.programPolicy)) : sub);
}

/** Which affiliate `decideSubscriptionStart` needs looked up. */
export function startAffiliateToRead(start: SubscriptionStart, firstOrderAffiliate: string | null): string | null {
  if (firstOrderAffiliate !== null) return firstOrderAffiliate;
  const value = start.affiliate.value?.trim() ?? "";
  return isAffiliateIdShape(value) ? value : null;
}
