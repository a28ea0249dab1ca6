import type { Actor } from "../domain/actor.js";
import { db, FieldValue, type Transaction } from "./firestore.js";

export interface AuditEntry {
  /** What was done, e.g. "reattributeOrder". */
  action: string;
  by: Actor;
  target: { collection: string; id: string };
  before: unknown;
  after: unknown;
}

/**
 * Appends to `audit/{id}` inside the transaction that made the change, so an entry exists exactly
 * when the change does.
 */
export function auditIn(tx: Transaction, entry: AuditEntry): void {
  tx.create(db().collection("audit").doc(), {
    ...entry,
    before: plain(entry.before),
    after: plain(entry.after),
    at: FieldValue.serverTimestamp(),
  });
}

// Firestore refuses undefined; the JSON round trip also turns class instances into plain data.
function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
