import type { Actor } from "../domain/actor.js";
import { db, FieldValue, isAlreadyExists, type Transaction } from "./firestore.js";

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

/**
 * Appends an entry for a change a client made under the rules (seen by a trigger): `id` comes from
 * the trigger's event, so a retried trigger records it once.
 */
export async function auditOnce(id: string, entry: AuditEntry): Promise<void> {
  try {
    await db()
      .collection("audit")
      .doc(id)
      .create({ ...entry, before: plain(entry.before), after: plain(entry.after), at: FieldValue.serverTimestamp() });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
}

// Firestore refuses undefined; the JSON round trip also turns class instances into plain data.
function plain(value: unknown): unknown {
  return value === undefined ? null : (JSON.parse(JSON.stringify(value)) as unknown);
}
