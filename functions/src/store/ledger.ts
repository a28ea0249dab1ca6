import { commissionView } from "../commissions/projection.js";
import { contributionOf } from "../ledger/contribution.js";
import { diffContributions, nestFields } from "../ledger/delta.js";
import { commissions, orders } from "./collections.js";
import { db, FieldValue, Timestamp } from "./firestore.js";

/**
 * Brings the affiliate's projection and ledger in line with the order as it is now. It reads the
 * current order rather than trusting the trigger's snapshot, and adds only the difference from the
 * contribution it applied last (kept on the projection), so a repeated, late or out-of-order trigger
 * changes nothing. Ledger increments need no read, so concurrent sales for one affiliate only
 * contend on their shard's write rate.
 */
export async function syncLedger(orderKey: string): Promise<{ deltas: number }> {
  const firestore = db();
  const orderRef = orders().doc(orderKey);
  const commissionRef = commissions().doc(orderKey);
  return firestore.runTransaction(async (tx) => {
    const [orderSnap, commissionSnap] = await Promise.all([tx.get(orderRef), tx.get(commissionRef)]);
    const order = orderSnap.data() ?? null;
    const next = order ? contributionOf(orderKey, order) : null;
    const deltas = diffContributions(commissionSnap.data()?.applied ?? null, next);
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
      tx.set(commissionRef.withConverter(null), {
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
