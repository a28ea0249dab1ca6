import type { ProgramSettings } from "../../../contracts/program-settings.js";
import { attribute, isAffiliateIdShape, isSelfReferral, type AffiliateCandidate, type Attribution, type CodeMatch } from "./attribution.js";
import { deriveOrder, type DerivedOrder } from "./derive.js";
import { emptyFacts, type OrderFacts } from "./facts.js";
import { rateOf, type CourseRate, type RateSource } from "./rates.js";
import type { OrderRecord } from "./record.js";
import type { SubscriptionRecord } from "./subscription.js";
import { decideSubscriptionPayment, isRenewal, type PaymentOf, type SubscriptionContext } from "./subscription-rules.js";

// The rules that turn an order change into the new order: who is credited (decided once, when the
// sale is first seen; afterwards only the owner re-attributes), which rate and refund window are
// snapshotted, and (through deriveOrder) when the commission matures. Pure: the store reads what planOrderChange asks for and calls decideOrder in
// its transaction, and the tests' predictions call the same two functions.

export interface OrderChange {
  /** Returns the new facts; identity when only the owner's decisions or the customer changed. */
  facts?: (facts: OrderFacts) => OrderFacts;
  /** The owner's re-attribution: replaces whatever the payload said. */
  attribution?: Attribution;
  flagApproved?: boolean;
  payout?: { payoutId: string; amountMinor: number };
}

/** The order's part that does not depend on any lookup, and which documents the decision needs. */
export interface OrderPlan {
  facts: OrderFacts;
  /** The owner's re-attribution, or the attribution decided before this change. */
  attribution: Attribution | null;
  payouts: Record<string, number>;
  flagApproved: boolean;
  /** Read `customers/{platform}_{id}`: the sale names a customer but carries no email (Paddle Billing). */
  customerToRead: string | null;
  /** Look up this affiliate id or slug: the one the payload names, or the owner's manual choice. */
  affiliateToRead: string | null;
  /** Read `subscriptions/{platform}_{id}`: the sale is a payment of this subscription. */
  subscriptionToRead: string | null;
  /** Look up whose discount this is: the sale is seen for the first time and carried one. */
  discountToRead: { code: string | null; platformId: string | null } | null;
}

/** Credit was decided when the sale was first seen, before this change, and the owner has not overridden it. */
function decidedBefore(stored: OrderRecord | null, attribution: Attribution | null): boolean {
  return stored?.facts.sale != null && attribution !== null && attribution.rule !== "manual";
}

export function planOrderChange(stored: OrderRecord | null, change: OrderChange): OrderPlan {
  const before = stored?.facts ?? emptyFacts();
  const facts = change.facts ? change.facts(before) : before;
  const sale = facts.sale;
  const attribution = change.attribution ?? stored?.attribution ?? null;
  // Once decided, the credited affiliate is read only to re-check the self-referral flag. A renewal
  // follows its subscription, whose affiliate the store reads instead once there is one.
  const manual = attribution?.rule === "manual";
  const decided = decidedBefore(stored, attribution) || manual;
  const named = !manual && isRenewal(sale ?? null) ? sale?.affiliate.value?.trim() : decided ? attribution?.affiliateId : sale?.affiliate.value?.trim();
  return {
    facts,
    attribution,
    payouts: change.payout ? { ...(stored?.payouts ?? {}), [change.payout.payoutId]: change.payout.amountMinor } : (stored?.payouts ?? {}),
    flagApproved: change.flagApproved ?? stored?.flagApproved ?? false,
    customerToRead: sale?.customerId && !sale.customerEmail ? sale.customerId : null,
    affiliateToRead: named && isAffiliateIdShape(named) ? named : null,
    subscriptionToRead: sale?.subscription?.id ?? null,
    discountToRead: decided ? null : (sale?.discount ?? null),
  };
}

/** What the store found for the plan's lookups, and the program's settings. */
export interface OrderLookups {
  customer: { email: string | null; name: string | null } | null;
  /** The affiliate behind `affiliateToRead` (by id or slug), or null when there is none. */
  candidate: AffiliateCandidate | null;
  /** What `discountToRead` found: the code and its affiliate; null when the sale carried none. */
  code: CodeMatch | null;
  /** The course of the sale's product, if the owner mapped it. */
  course: CourseRate | null;
  settings: Pick<ProgramSettings, "defaultRateBps" | "refundWindowDays" | "recurringPolicy">;
  /** The subscription the sale is a payment of, when it is one (`plan.subscriptionToRead`). */
  subscription?: SubscriptionContext;
}

/**
 * Who is credited. Credit is decided once, from the sale's reference, when the sale is first seen:
 * an affiliate who was pending then, or a ref that only later became someone's slug, is not
 * credited by a refund or customer event arriving afterwards, and a disabled affiliate keeps a
 * credit already given (a later refund must still reach their ledger). After that only the owner
 * re-attributes (manual, audited), and only the self-referral flag follows what becomes known of
 * the customer (Paddle Billing sends the email in customer events, before or after the sale).
 */
export function creditFor(stored: OrderRecord | null, plan: OrderPlan, candidate: AffiliateCandidate | null, code: CodeMatch | null, customerEmail: string | null): Attribution | null {
  const sale = plan.facts.sale;
  if (!sale || plan.attribution?.rule === "manual") return plan.attribution;
  if (plan.attribution && decidedBefore(stored, plan.attribution)) {
    const credited = plan.attribution.affiliateId;
    if (credited === null || candidate?.id !== credited) return plan.attribution;
    return { ...plan.attribution, selfReferral: isSelfReferral(customerEmail, candidate) };
  }
  // A slug is credited to the affiliate it names; the receipt keeps the slug as the candidate.
  const ref = candidate ? { ...sale.affiliate, value: candidate.id } : sale.affiliate;
  const decided = attribute({ ref, candidate, code, customerEmail, test: plan.facts.test });
  return candidate && plan.affiliateToRead !== candidate.id ? { ...decided, candidate: plan.affiliateToRead } : decided;
}

/** The refund window is the program's setting when the sale is first seen, kept on the order after that. */
export function refundWindowFor(stored: OrderRecord | null, settingDays: number): number {
  return stored?.facts.sale && stored.refundWindowDays !== null ? stored.refundWindowDays : settingDays;
}

/**
 * The rate is fixed the first time an affiliate is credited and kept while that affiliate stays
 * credited; a re-attribution to someone else takes their rate as of then (see `rateOf` for which).
 * `candidate` is the credited affiliate: the one looked up, or the code's.
 */
export function rateFor(
  stored: OrderRecord | null,
  attribution: Attribution | null,
  candidate: AffiliateCandidate | null,
  course: CourseRate | null,
  defaultRateBps: number,
): { rateBps: number | null; rateSource: RateSource | null } {
  const credited = attribution?.affiliateId ?? null;
  if (credited === null) return { rateBps: null, rateSource: null };
  if (stored?.affiliateId === credited && stored.rateBps !== null) return { rateBps: stored.rateBps, rateSource: stored.rateSource };
  const { rateBps, source } = rateOf(candidate?.id === credited ? candidate : null, course, defaultRateBps);
  return { rateBps, rateSource: source };
}

export interface OrderDecision {
  attribution: Attribution | null;
  order: DerivedOrder;
  rateSource: RateSource | null;
  customerEmail: string | null;
  customerName: string | null;
  /** The subscription after this payment, to be stored with the order; null for a one-off sale. */
  subscription: SubscriptionRecord | null;
  payment: PaymentOf | null;
}

/** The order after the change, from the plan and what was looked up for it. */
export function decideOrder(stored: OrderRecord | null, plan: OrderPlan, found: OrderLookups): OrderDecision {
  const sale = plan.facts.sale;
  const customerEmail = sale?.customerEmail ?? found.customer?.email ?? null;
  const customerName = sale?.customerName ?? found.customer?.name ?? null;
  const own = creditFor(stored, plan, found.candidate, found.code, customerEmail);
  const paid =
    sale?.subscription && found.subscription
      ? decideSubscriptionPayment({
          ctx: found.subscription,
          sale: { ...sale, subscription: sale.subscription },
          test: plan.facts.test,
          own,
          candidate: found.candidate,
          customerEmail,
          programPolicy: found.settings.recurringPolicy,
        })
      : null;
  const attribution = paid ? paid.attribution : own;
  const codeCandidate = found.code?.candidate ?? null;
  const credited = codeCandidate !== null && codeCandidate.id === attribution?.affiliateId ? codeCandidate : found.candidate;
  const rate = rateFor(stored, attribution, credited, found.course, found.settings.defaultRateBps);
  const order = deriveOrder(plan.facts, {
    attribution,
    rateBps: rate.rateBps,
    defaultRateBps: found.settings.defaultRateBps,
    refundWindowDays: refundWindowFor(stored, found.settings.refundWindowDays),
    flagApproved: plan.flagApproved,
    payouts: plan.payouts,
  });
  return { attribution, order, rateSource: rate.rateSource, customerEmail, customerName, subscription: paid?.subscription ?? null, payment: paid?.payment ?? null };
}
