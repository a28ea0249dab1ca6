import { orderKeyOf } from "../../../contracts/ids.js";
import type { Actor } from "../domain/actor.js";
import { DomainError } from "../domain/errors.js";
import { manualAttribution } from "../orders/attribution.js";
import type { OrderRecord } from "../orders/record.js";
import type { OrderChange } from "../orders/rules.js";
import { readAffiliate } from "./affiliates.js";
import { auditIn } from "./audit.js";
import { orders } from "./collections.js";
import { db, type Transaction } from "./firestore.js";
import { changeOrderIn } from "./orders.js";
import { readSubscriptionIn } from "./subscriptions.js";

/** The part of an order the owner's decisions change, for the audit trail. */
function decisionView(order: Pick<OrderRecord, "affiliateId" | "attribution" | "commissionMinor" | "rateBps" | "flag" | "flagApproved">) {
  return {
    affiliateId: order.affiliateId,
    attribution: order.attribution,
    commissionMinor: order.commissionMinor,
    rateBps: order.rateBps,
    flag: order.flag,
    flagApproved: order.flagApproved,
  };
}

async function readSoldOrder(tx: Transaction, orderKey: string): Promise<OrderRecord> {
  const order = (await tx.get(orders().doc(orderKey))).data();
  if (!order) throw new DomainError("not-found", "No such order.");
  if (!order.facts.sale) throw new DomainError("failed-precondition", "The order has no sale yet.");
  return order;
}

async function decide(
  action: string,
  orderKey: string,
  owner: Actor,
  change: (order: OrderRecord) => OrderChange,
  refuse?: (tx: Transaction, order: OrderRecord) => Promise<void>,
): Promise<OrderRecord> {
  return db().runTransaction(async (tx) => {
    const order = await readSoldOrder(tx, orderKey);
    await refuse?.(tx, order);
    const after = await changeOrderIn(tx, order.platform, order.orderId, change(order));
    auditIn(tx, { action, by: owner, target: { collection: "orders", id: orderKey }, before: decisionView(order), after: decisionView(after) });
    return after;
  });
}

/**
 * Credits an order to another affiliate (or to one at all). Refused once anything was paid out for
 * it: the money already went to someone, and moving it would need a clawback the owner should
 * decide on outside this tool. The order trigger moves the commission between ledgers.
 */
export async function reattributeOrder(orderKey: string, affiliateId: string, owner: Actor): Promise<OrderRecord> {
  const target = await readAffiliate(affiliateId);
  if (!target) throw new DomainError("not-found", "No such affiliate.");
  if (target.status !== "active") throw new DomainError("failed-precondition", "Only an active affiliate can be credited.");
  return decide(
    "reattributeOrder",
    orderKey,
    owner,
    (order) => {
      if (Object.keys(order.payouts).length > 0) throw new DomainError("failed-precondition", "This order is part of a payout and cannot be re-attributed.");
      return { attribution: manualAttribution(affiliateId, owner.uid) };
    },
    refuseMovingPaidRenewals,
  );
}

/**
 * The first payment of a subscription takes its renewals with it when re-attributed, so the same
 * holds for them: none may have been paid out already.
 */
async function refuseMovingPaidRenewals(tx: Transaction, order: OrderRecord): Promise<void> {
  if (order.payment?.number !== 1) return;
  const sub = await readSubscriptionIn(tx, order.platform, order.payment.subscriptionId);
  const renewals = await Promise.all(Object.keys(sub?.renewals ?? {}).map((id) => tx.get(orders().doc(orderKeyOf(order.platform, id)))));
  if (renewals.some((snap) => Object.keys(snap.data()?.payouts ?? {}).length > 0)) {
    throw new DomainError("failed-precondition", "A renewal of this subscription is part of a payout: its first payment cannot be re-attributed, since its renewals would move with it.");
  }
}

/**
 * Releases a held commission to the affiliate's payable balance: a self-referral, or an order whose
 * refund came in another currency (reviewed: the commission stands as computed without that refund).
 */
export async function approveSelfReferral(orderKey: string, owner: Actor): Promise<OrderRecord> {
  return decide("approveSelfReferral", orderKey, owner, (order) => {
    if (order.flag === null) throw new DomainError("failed-precondition", "This order is not flagged.");
    return { flagApproved: true };
  });
}
