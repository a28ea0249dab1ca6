import { createHash } from "node:crypto";
import type { Platform } from "../../../contracts/platforms.js";
import type { ParsedEvent } from "../domain/types.js";
import { addFact } from "../orders/facts.js";
import { orderKeyOf, webhookEventKeyOf } from "../../../contracts/ids.js";
import { webhookEvents, type StoredEvent } from "./collections.js";
import { db, FieldValue, isAlreadyExists, type DocumentReference } from "./firestore.js";
import { changeOrderIn } from "./orders.js";
import { refreshCustomerOrders } from "./customers.js";

export type EventOutcome = "applied" | "duplicate" | "ignored" | "customer";

/** Raw bodies above this are kept as their hash only (`rawSha256`), so the event document stays under 1 MiB. */
const MAX_STORED_RAW = 400 * 1024;

/**
 * How long a copy of an event waits for the delivery that stored it to finish, counted from when
 * that one arrived. Concurrent copies then answer "duplicate" without a transaction of their own:
 * twenty transactions on one event and one order contend for the same locks and take tens of
 * seconds, past Paddle's five. Kept under that, so a copy still answers in time.
 */
export const DUPLICATE_WAIT_MS = 3_000;
const POLL_MS = 100;

/**
 * Stores a verified event before anything else (create-if-absent on the business key, so a
 * redelivery is recognised), then applies it in a transaction that also marks it processed: the
 * order changes exactly once however many copies arrive, concurrently or not. A copy of an event
 * another delivery is applying waits for it; if that one failed or is stuck, the copy applies the
 * event itself (the transaction makes that safe), so a retry always completes the work.
 */
export async function recordEvent(platform: Platform, rawBody: Buffer, event: ParsedEvent, now: Date): Promise<EventOutcome> {
  const ref = webhookEvents().doc(webhookEventKeyOf(platform, event.eventKey));
  const orderKey = "orderId" in event ? orderKeyOf(platform, event.orderId) : null;
  let created = true;
  try {
    await ref.withConverter(null).create({
      platform,
      eventKey: event.eventKey,
      eventType: event.eventType,
      kind: event.kind,
      orderKey,
      occurredAt: event.occurredAt,
      receivedAt: now,
      raw: rawBody.length <= MAX_STORED_RAW ? rawBody.toString("utf8") : null,
      rawSha256: createHash("sha256").update(rawBody).digest("hex"),
      parsed: JSON.parse(JSON.stringify(event)) as unknown,
      status: event.kind === "ignored" ? "ignored" : "received",
    });
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    created = false;
  }
  if (event.kind === "ignored") return "ignored";
  if (!created && (await awaitOtherDelivery(ref)) === "processed") return "duplicate";
  try {
    return await applyStoredEvent(platform, event);
  } catch (err) {
    // Best effort: the owner sees which events failed; a retry or `npm run replay` applies them.
    await markFailed(ref, err, now).catch(() => undefined);
    throw err;
  }
}

/** Unless a concurrent copy has processed the event meanwhile. */
async function markFailed(ref: DocumentReference<StoredEvent>, err: unknown, now: Date): Promise<void> {
  const snap = await ref.get();
  const status = snap.data()?.status;
  if (status !== "received" && status !== "failed") return;
  const error = String(err instanceof Error ? err.message : err).slice(0, 500);
  await ref.update({ status: "failed", error, failedAt: now }, snap.updateTime ? { lastUpdateTime: snap.updateTime } : {});
}

/** The stored status once it is final, or once the delivery that stored it has had its time. */
async function awaitOtherDelivery(ref: DocumentReference<StoredEvent>): Promise<string | null> {
  for (;;) {
    const stored = (await ref.get()).data();
    const status = stored?.status ?? null;
    if (status !== "received") return status;
    const receivedAt = stored?.receivedAt ?? null;
    if (!receivedAt || Date.now() - receivedAt.getTime() > DUPLICATE_WAIT_MS) return status;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Applies a stored event; also the entry point for replaying one. */
export async function applyStoredEvent(platform: Platform, event: ParsedEvent): Promise<EventOutcome> {
  const ref = webhookEvents().doc(webhookEventKeyOf(platform, event.eventKey));
  if (event.kind === "customer") {
    await refreshCustomerOrders(platform, event);
    await ref.update({ status: "processed", processedAt: FieldValue.serverTimestamp() });
    return "customer";
  }
  if (event.kind === "ignored") return "ignored";
  return db().runTransaction(async (tx) => {
    const stored = (await tx.get(ref)).data();
    if (stored?.status === "processed") return "duplicate";
    await changeOrderIn(tx, platform, event.orderId, { facts: (facts) => addFact(facts, event) });
    tx.update(ref, { status: "processed", processedAt: FieldValue.serverTimestamp(), error: FieldValue.delete() });
    return "applied";
  });
}

/** Stored events by document id (missing ones left out), or else up to `limit` with one of `statuses`. */
export async function findStoredEvents(query: { ids?: readonly string[]; statuses: readonly string[]; limit: number }): Promise<StoredEvent[]> {
  if (query.ids) {
    const snaps = await Promise.all(query.ids.map((id) => webhookEvents().doc(id).get()));
    return snaps.flatMap((snap) => snap.data() ?? []);
  }
  const snap = await webhookEvents().where("status", "in", query.statuses).limit(query.limit).get();
  return snap.docs.map((doc) => doc.data());
}
