import { HttpsError } from "firebase-functions/https";
import { manualAttribution } from "../orders/attribution.js";
import type { Owner } from "../owner/access.js";
import { auditIn } from "./audit.js";
import { db, type Transaction } from "./firestore.js";
import { changeOrderIn, type OrderChange, type OrderDoc } from "./orders.js";

/** The part of an order the owner's decisions change, for the audit trail. */
function decisionView(order: Pick<OrderDoc, "affiliateId" | "attribution" | "commissionMinor" | "rateBps" | "flag" | "flagApproved">) {
  return {
    affiliateId: order.affiliateId,
    attribution: order.attribution,
    commissionMinor: order.commissionMinor,
    rateBps: order.rateBps,
    flag: order.flag,
    flagApproved: order.flagApproved,
  };
}

async function readOrder(tx: Transaction, orderKey: string): Promise<OrderDoc> {
  const snap = await tx.get(db().collection("orders").doc(orderKey));
  if (!snap.exists) throw new HttpsError("not-found", "No such order.");
  const order = snap.data() as OrderDoc;
  if (!order.facts?.sale) throw new HttpsError("failed-precondition", "The order has no sale yet.");
  return order;
}

async function decide(action: string, orderKey: string, owner: Owner, change: (order: OrderDoc) => OrderChange): Promise<OrderDoc> {
  return db().runTransaction(async (tx) => {
    const order = await readOrder(tx, orderKey);
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
export async function reattributeOrder(orderKey: string, affiliateId: string, owner: Owner): Promise<OrderDoc> {
  const target = await db().collection("affiliates").doc(affiliateId).get();
  if (!target.exists) throw new HttpsError("not-found", "No such affiliate.");
  if (target.get("status") !== "active") throw new HttpsError("failed-precondition", "Only an active affiliate can be credited.");
  return decide("reattributeOrder", orderKey, owner, (order) => {
    if (Object.keys(order.payouts ?? {}).length > 0) throw new HttpsError("failed-precondition", "This order is part of a payout and cannot be re-attributed.");
    return { attribution: manualAttribution(affiliateId, owner.uid) };
  });
}

/** Releases a self-referral's commission to the affiliate's payable balance. */
export async function approveSelfReferral(orderKey: string, owner: Owner): Promise<OrderDoc> {
  return decide("approveSelfReferral", orderKey, owner, (order) => {
    if (order.flag !== "self_referral") throw new HttpsError("failed-precondition", "This order is not flagged.");
    return { flagApproved: true };
  });
}
