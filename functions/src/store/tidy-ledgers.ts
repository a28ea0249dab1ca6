import { zeroLedgerPaths } from "../ledger/tidy.js";
import { FieldPath } from "firebase-admin/firestore";
import { db, FieldValue } from "./firestore.js";

export interface TidyScope {
  /** Only this affiliate's shards (any age); otherwise the shards updated since `since`. */
  affiliateId?: string;
  since?: Date;
}

export interface TidyResult {
  scanned: number;
  tidied: number;
  removed: number;
}

/**
 * Deletes the zero keys of ledger shards. Zeros only appear when a shard is updated, so the daily
 * run looks at the shards updated lately (an overlap of days makes a missed run harmless). Each
 * shard is re-read in a transaction, so a sale landing on a key at the same moment is never lost:
 * either it commits first and the key is no longer zero, or it increments a key that is gone.
 */
export async function tidyLedgers(scope: TidyScope): Promise<TidyResult> {
  const ledgers = db().collection("ledgers");
  const query = scope.affiliateId
    ? ledgers.where("affiliateId", "==", scope.affiliateId)
    : ledgers.where("updatedAt", ">=", scope.since ?? new Date(0));
  const snap = await query.get();
  const result: TidyResult = { scanned: snap.size, tidied: 0, removed: 0 };
  for (const doc of snap.docs) {
    if (zeroLedgerPaths(doc.data()).length === 0) continue;
    const removed = await db().runTransaction(async (tx) => {
      const fresh = await tx.get(doc.ref);
      const paths = fresh.exists ? zeroLedgerPaths(fresh.data() ?? {}) : [];
      const [first, ...rest] = paths.map((segments) => new FieldPath(...segments));
      if (first === undefined) return 0;
      tx.update(doc.ref, first, FieldValue.delete(), ...rest.flatMap((path) => [path, FieldValue.delete()]));
      return paths.length;
    });
    if (removed > 0) {
      result.tidied += 1;
      result.removed += removed;
    }
  }
  return result;
}
