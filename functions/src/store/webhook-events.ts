import type { ParsedEvent, Platform } from "../domain/types.js";
import { addFact } from "../orders/facts.js";
import { db, FieldValue, safeId } from "./firestore.js";
import { changeOrderIn, orderKeyOf } from "./orders.js";
import { refreshCustomerOrders } from "./customers.js";

export type EventOutcome = "applied" | "duplicate" | "ignored" | "customer";

/** Raw bodies above this are kept as a hash only, so the event document stays under 1 MiB. */
const MAX_STORED_RAW = 400 * 1024;

/**
 * Stores a verified event before anything else (create-if-absent on the business key, so a
 * redelivery is recognised), then applies it in a transaction that also marks it processed: the
 * order changes exactly once however many copies arrive, concurrently or not.
 */
export async function recordEvent(platform: Platform, rawBody: Buffer, event: ParsedEvent, now: Date): Promise<EventOutcome> {
  const ref = db().collection("webhookEvents").doc(safeId(`${platform}_${event.eventKey}`));
  const orderKey = "orderId" in event ? orderKeyOf(platform, event.orderId) : null;
  try {
    await ref.create({
      platform,
      eventKey: event.eventKey,
      eventType: event.eventType,
      kind: event.kind,
      orderKey,
      occurredAt: event.occurredAt,
      receivedAt: now,
      raw: rawBody.length <= MAX_STORED_RAW ? rawBody.toString("utf8") : null,
      parsed: JSON.parse(JSON.stringify(event)) as unknown,
      status: event.kind === "ignored" ? "ignored" : "received",
    });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
  }
  if (event.kind === "ignored") return "ignored";
  return applyStoredEvent(platform, event);
}

/** Applies a stored event; also the entry point for replaying one. */
export async function applyStoredEvent(platform: Platform, event: ParsedEvent): Promise<EventOutcome> {
  const ref = db().collection("webhookEvents").doc(safeId(`${platform}_${event.eventKey}`));
  if (event.kind === "customer") {
    await refreshCustomerOrders(platform, event);
    await ref.update({ status: "processed", processedAt: FieldValue.serverTimestamp() });
    return "customer";
  }
  if (event.kind === "ignored") return "ignored";
  return db().runTransaction(async (tx) => {
    const stored = await tx.get(ref);
    if (stored.get("status") === "processed") return "duplicate";
    await changeOrderIn(tx, platform, event.orderId, { facts: (facts) => addFact(facts, event) });
    tx.update(ref, { status: "processed", processedAt: FieldValue.serverTimestamp(), error: FieldValue.delete() });
    return "applied";
  });
}

function isAlreadyExists(err: unknown): boolean {
  return typeof err === "object" && err !== null && "code" in err && (err as { code: unknown }).code === 6;
}
