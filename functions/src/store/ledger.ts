import { commissionView } from "../commissions/projection.js";
import { contributionOf } from "../ledger/contribution.js";
import { diffContributions, nestFields } from "../ledger/delta.js";
import { diffProgramContributions, programContributionOf } from "../ledger/program.js";
import { commissions, orderStats, orders } from "./collections.js";
import { db, FieldValue, Timestamp } from "./firestore.js";

/**
 * Brings the affiliate's projection and ledger in line with the order as it is now. It reads the
 * current order rather than trusting the trigger's snapshot, and adds only the difference from the
 * contribution it applied last (kept on the projection), so a repeated, late or out-of-order trigger
 * changes nothing. Ledger increments need no read, so concurrent sales for one affiliate only
 * contend on their shard's write rate. The owner overview's summaries (programStats) are kept the
 * same way in the same transaction, from the contribution kept in `orderStats/{orderKey}`.
 */
export async function syncLedger(orderKey: string): Promise<{ deltas: number }> {
  const firestore = db();
  const orderRef = orders().doc(orderKey);
  const commissionRef = commissions().doc(orderKey);
  const statsRef = orderStats().doc(orderKey);
  return firestore.runTransaction(async (tx) => {
    const [orderSnap, commissionSnap, statsSnap] = await Promise.all([tx.get(orderRef), tx.get(commissionRef), tx.get(statsRef)]);
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
    const nextStats = order ? programContributionOf(orderKey, order) : null;
    for (const delta of diffProgramContributions(statsSnap.data()?.applied ?? null, nextStats)) {
      tx.set(
        firestore.collection("programStats").doc(delta.docKey),
        { ...delta.identity, ...nestFields(delta.fields, (v) => FieldValue.increment(v)), updatedAt: FieldValue.serverTimestamp() },
        { merge: true },
      );
    }
    if (nextStats) tx.set(statsRef.withConverter(null), { applied: nextStats, updatedAt: FieldValue.serverTimestamp() });
    else if (statsSnap.exists) tx.delete(statsRef);
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
