import { customerKeyOf, orderKeyOf } from "../../../contracts/ids.js";
import type { Platform } from "../../../contracts/platforms.js";
import type { AffiliateRecord } from "../affiliates/record.js";
import type { AffiliateCandidate } from "../orders/attribution.js";
import type { OrderRecord } from "../orders/record.js";
import { decideOrder, planOrderChange, type OrderChange } from "../orders/rules.js";
import { renewalsToRederive, type SubscriptionRecord } from "../orders/subscription.js";
import { affiliateToReadFor } from "../orders/subscription-rules.js";
import { findAffiliate } from "./affiliates.js";
import { customers, orders } from "./collections.js";
import { courseForProduct } from "../courses/course.js";
import { findCourse, loadCourses } from "./courses.js";
import { findDiscountOwnerIn } from "./discount-codes.js";
import { readIn, type DocumentReference, type Transaction } from "./firestore.js";
import { readProgramSettings } from "./program.js";
import { readSubscriptionIn, writeSubscription } from "./subscriptions.js";

export type { OrderChange };

/** An order change computed from reads in a transaction, not yet written. */
export interface PreparedOrderChange {
  ref: DocumentReference<OrderRecord>;
  order: OrderRecord;
  /** The order's subscription before and after the change, when the order is a payment of one. */
  subscription: { before: SubscriptionRecord | null; after: SubscriptionRecord } | null;
}

/**
 * Reads an order and what its derivation needs, applies one change and writes the re-derived order,
 * all in the caller's transaction. Reads come first, as Firestore transactions require. A payment
 * of a subscription also writes the subscription and re-derives its other payments the change can
 * move (a renewal recorded before the subscription had an affiliate, or numbered before a late one).
 */
export async function changeOrderIn(tx: Transaction, platform: Platform, orderId: string, change: OrderChange): Promise<OrderRecord> {
  const prepared = await prepareOrderChange(tx, platform, orderId, change);
  const sub = prepared.subscription;
  const others = sub ? await rederiveRenewals(tx, sub.before, sub.after, orderId) : { orders: [], subscription: null };
  writeOrderChange(tx, prepared);
  for (const other of others.orders) tx.set(other.ref, other.order);
  if (others.subscription) writeSubscription(tx, others.subscription);
  return prepared.order;
}

/**
 * Prepares the other renewals of a subscription that its change from `before` to `after` can move,
 * against the subscription as it ends up. Returns them and the subscription to write (null when it
 * did not change).
 */
export async function rederiveRenewals(
  tx: Transaction,
  before: SubscriptionRecord | null,
  after: SubscriptionRecord,
  changedOrderId: string | null,
): Promise<{ orders: PreparedOrderChange[]; subscription: SubscriptionRecord | null }> {
  const ids = before ? renewalsToRederive(before, after, changedOrderId) : Object.keys(after.renewals).filter((id) => id !== changedOrderId);
  const prepared: PreparedOrderChange[] = [];
  let current = after;
  for (const id of ids) {
    const other = await prepareOrderChange(tx, after.platform, id, {}, current);
    if (!other.subscription) continue;
    prepared.push(other);
    current = other.subscription.after;
  }
  const changed = before === null || JSON.stringify(before) !== JSON.stringify(current);
  return { orders: prepared, subscription: changed ? current : null };
}

/**
 * Writes what prepareOrderChange computed (the converter stamps `updatedAt`). A subscription change
 * is written by changeOrderIn; the callers that write several prepared orders (payouts) change no
 * subscription.
 */
export function writeOrderChange(tx: Transaction, prepared: PreparedOrderChange): void {
  tx.set(prepared.ref, prepared.order);
}

/**
 * The read half of changeOrderIn: the store reads what the order rules ask for (orders/rules.ts)
 * and lets them decide. A transaction that changes several orders (a payout) prepares all of them
 * first and writes afterwards, since Firestore refuses a read after a write. `subscription` is the
 * subscription already read (and changed) in this transaction, when re-deriving its renewals.
 */
export async function prepareOrderChange(
  tx: Transaction,
  platform: Platform,
  orderId: string,
  change: OrderChange,
  subscription?: SubscriptionRecord,
): Promise<PreparedOrderChange> {
  const ref = orders().doc(orderKeyOf(platform, orderId));
  const [stored, settings] = await Promise.all([tx.get(ref).then((snap) => snap.data() ?? null), readProgramSettings(tx)]);
  const plan = planOrderChange(stored, change);
  const subId = plan.subscriptionToRead;
  const sub = subId === null ? null : (subscription ?? (await readSubscriptionIn(tx, platform, subId)));
  const sale = plan.facts.sale;
  const toRead = affiliateToReadFor(sale, plan.affiliateToRead, plan.attribution?.rule === "manual", sub);
  const customer = plan.customerToRead ? ((await tx.get(customers().doc(customerKeyOf(platform, plan.customerToRead)))).data() ?? null) : null;
  const affiliate = toRead ? await findAffiliate(toRead, readIn(tx)) : null;
  const discount = plan.discountToRead ? await findDiscountOwnerIn(tx, platform, plan.discountToRead) : null;
  // A Lemon Squeezy invoice names no product: its subscription's is used. The rate is snapshotted
  // when the sale is first seen: read its course exactly then; later changes only re-label the
  // order, for which the instance's cached course list is enough.
  const saleProductId = sale?.productId ?? sub?.productId ?? null;
  const course = stored?.facts.sale ? courseForProduct(await loadCourses(), platform, saleProductId) : await findCourse(platform, saleProductId);
  const decision = decideOrder(stored, plan, {
    customer,
    candidate: candidateOf(affiliate),
    code: discount && { code: discount.code, candidate: candidateOf(discount.affiliate) },
    course,
    settings,
    ...(subId === null ? {} : { subscription: { platform, orderId, stored: sub } }),
  });
  const { attribution, order, rateSource, customerEmail, customerName } = decision;
  const after = decision.subscription;
  const productId = sale?.productId ?? after?.productId ?? null;
  const productName = sale?.productName ?? after?.productName ?? null;
  return {
    ref,
    order: {
      ...order,
      rateSource,
      platform,
      orderId,
      facts: plan.facts,
      attribution,
      courseId: course?.id ?? null,
      courseName: course?.name ?? productName,
      productId,
      productName,
      customerId: sale?.customerId ?? null,
      customerEmail,
      customerName,
      payouts: plan.payouts,
      payment: decision.payment,
    },
    subscription: after ? { before: sub, after } : null,
  };
}

export function candidateOf(affiliate: AffiliateRecord | null): AffiliateCandidate | null {
  return (
    affiliate && {
      id: affiliate.id,
      status: affiliate.status ?? "pending",
      email: affiliate.email,
      rateBps: affiliate.rateBps,
      recurringPolicy: affiliate.recurringPolicy,
      courseRates: affiliate.courseRates,
      codeOnlyApproval: affiliate.codeOnlyApproval,
    }
  );
}
