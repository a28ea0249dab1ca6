import { commissionView } from "../commissions/projection.js";
import { contributionOf, type Contribution } from "../ledger/contribution.js";
import { diffContributions, nestFields } from "../ledger/delta.js";
import type { DerivedOrder } from "../orders/derive.js";
import { db, FieldValue, Timestamp } from "./firestore.js";
import type { OrderDoc } from "./orders.js";

/** The stored order with its times as ISO strings again, the form the pure modules take. */
export type OrderView = Omit<OrderDoc, "saleAt" | "payableAt"> & DerivedOrder;

export function derivedOf(doc: OrderDoc): OrderView {
  return {
    ...doc,
    saleAt: doc.saleAt ? doc.saleAt.toDate().toISOString() : null,
    payableAt: doc.payableAt ? doc.payableAt.toDate().toISOString() : null,
  };
}

/**
 * Brings the affiliate's projection and ledger in line with the order as it is now. It reads the
 * current order rather than trusting the trigger's snapshot, and adds only the difference from the
 * contribution it applied last (kept on the projection), so a repeated, late or out-of-order trigger
 * changes nothing. Ledger increments need no read, so concurrent sales for one affiliate only
 * contend on their shard's write rate.
 */
export async function syncLedger(orderKey: string): Promise<{ deltas: number }> {
  const firestore = db();
  const orderRef = firestore.collection("orders").doc(orderKey);
  const commissionRef = firestore.collection("commissions").doc(orderKey);
  return firestore.runTransaction(async (tx) => {
    const [orderSnap, commissionSnap] = await Promise.all([tx.get(orderRef), tx.get(commissionRef)]);
    const order = orderSnap.exists ? derivedOf(orderSnap.data() as OrderDoc) : null;
    const next = order ? contributionOf(orderKey, order) : null;
    const applied = (commissionSnap.get("applied") as Contribution | undefined) ?? null;
    const deltas = diffContributions(applied, next);
    for (const delta of deltas) {
      tx.set(
        firestore.collection("ledgers").doc(delta.ledgerKey),
        {
          affiliateId: delta.affiliateId,
          currency: delta.currency,
          shard: delta.shard,
          ...nestFields(delta.fields, (v) => FieldValue.increment(v)),
          updatedAt: FieldValue.serverTimestamp(),
        },
        { merge: true },
      );
    }
    const view = order ? commissionView(orderKey, order, next) : null;
    if (view) {
      tx.set(commissionRef, {
        ...view,
        saleAt: Timestamp.fromDate(new Date(view.saleAt)),
        payableAt: Timestamp.fromDate(new Date(view.payableAt)),
        applied: next,
        updatedAt: FieldValue.serverTimestamp(),
      });
    } else if (commissionSnap.exists) {
      tx.delete(commissionRef);
    }
    return { deltas: deltas.length };
  });
}
