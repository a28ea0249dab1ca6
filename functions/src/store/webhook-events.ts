import { createHash } from "node:crypto";
import type { Platform } from "../../../contracts/platforms.js";
import type { ParsedEvent } from "../domain/types.js";
import { addFact } from "../orders/facts.js";
import { orderKeyOf, webhookEventKeyOf } from "../../../contracts/ids.js";
import { webhookEvents, type StoredEvent } from "./collections.js";

export type { StoredEvent };
import { db, FieldValue, isAlreadyExists, type DocumentReference } from "./firestore.js";
import { changeOrderIn } from "./orders.js";
import { refreshCustomerOrders } from "./customers.js";
import { applySubscriptionStart } from "./subscriptions.js";

export type EventOutcome = "applied" | "duplicate" | "ignored" | "customer";

/** Where a stored event stopped: its body did not parse (a retry cannot help), or applying it failed. */
export type FailureStage = "parse" | "apply";

/**
 * How long a copy of an event waits for the delivery that stored it to finish, counted from when
 * that one arrived. Concurrent copies then answer "duplicate" without a transaction of their own:
 * twenty transactions on one event and one order contend for the same locks and take tens of
 * seconds, past Paddle's five. Kept under that, so a copy still answers in time.
 */
export const DUPLICATE_WAIT_MS = 3_000;
const POLL_MS = 100;

export interface Arrival {
  platform: Platform;
  /** The platform's event key, or a hash of the body when none can be read. */
  eventKey: string;
  eventType: string | null;
  rawBody: Buffer;
  sandbox: boolean;
  now: Date;
  /** Set when a sync read the record from the platform's API instead of a delivery (reconcile/). */
  syncRunId?: string;
}

/**
 * The body as text when it is valid UTF-8 (JSON and form bodies are), so the owner can read it;
 * otherwise as bytes. Either way byte for byte what was verified. Bodies are at most 512 KiB, so
 * the document stays under Firestore's 1 MiB.
 */
function rawFields(rawBody: Buffer): { raw: string } | { rawBytes: Buffer } {
  const text = rawBody.toString("utf8");
  return Buffer.from(text, "utf8").equals(rawBody) ? { raw: text } : { rawBytes: rawBody };
}

/**
 * Stores a verified body before anything reads it, create-if-absent under its key, so a redelivery
 * finds it. Returns the document id and whether this delivery created it.
 */
export async function storeArrival(arrival: Arrival): Promise<{ id: string; created: boolean }> {
  const id = webhookEventKeyOf(arrival.platform, arrival.eventKey);
  try {
    await webhookEvents()
      .doc(id)
      .withConverter(null)
      .create({
        platform: arrival.platform,
        eventKey: arrival.eventKey,
        eventType: arrival.eventType,
        receivedAt: arrival.now,
        ...rawFields(arrival.rawBody),
        rawSha256: createHash("sha256").update(arrival.rawBody).digest("hex"),
        sandbox: arrival.sandbox,
        status: "received",
        ...(arrival.syncRunId === undefined ? {} : { source: "sync", syncRunId: arrival.syncRunId }),
      });
    return { id, created: true };
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    return { id, created: false };
  }
}

/** What the parse made of the body, kept beside it for the owner (a replay parses the body again). */
function parsedFields(platform: Platform, event: ParsedEvent) {
  return {
    kind: event.kind,
    eventType: event.eventType,
    orderKey: "orderId" in event ? orderKeyOf(platform, event.orderId) : null,
    occurredAt: event.occurredAt,
    parsed: JSON.parse(JSON.stringify(event)) as unknown,
  };
}

const CLEARED = { error: FieldValue.delete(), stage: FieldValue.delete(), failedAt: FieldValue.delete() };

/**
 * Applies a parsed, stored event. A copy of an event another delivery is applying waits for it; if
 * that one failed or is stuck, the copy applies the event itself (the transaction makes that safe),
 * so a retry always completes the work. A failure is recorded on the event and rethrown.
 */
export async function settleEvent(id: string, platform: Platform, event: ParsedEvent, created: boolean, now: Date): Promise<EventOutcome> {
  const ref = webhookEvents().doc(id);
  if (!created && event.kind !== "ignored" && (await awaitOtherDelivery(ref)) === "processed") return "duplicate";
  try {
    return await applyEvent(id, platform, event);
  } catch (err) {
    // Best effort: the owner sees which events failed; a retry or a replay applies them.
    await markFailed(id, "apply", err, now).catch(() => undefined);
    throw err;
  }
}

/** Records why a stored event stopped, unless a concurrent copy has processed it meanwhile. */
export async function markFailed(id: string, stage: FailureStage, err: unknown, now: Date): Promise<void> {
  const ref = webhookEvents().doc(id);
  const snap = await ref.get();
  const status = snap.data()?.status;
  if (status !== "received" && status !== "failed") return;
  const error = String(err instanceof Error ? err.message : err).slice(0, 500);
  await ref.update({ status: "failed", stage, error, failedAt: now }, snap.updateTime ? { lastUpdateTime: snap.updateTime } : {});
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

/** Applies a parsed event to the stored event `id`; also the entry point of a replay. */
export async function applyEvent(id: string, platform: Platform, event: ParsedEvent): Promise<EventOutcome> {
  const ref = webhookEvents().doc(id);
  const fields = parsedFields(platform, event);
  if (event.kind === "customer") {
    await refreshCustomerOrders(platform, event);
    await ref.update({ status: "processed", processedAt: FieldValue.serverTimestamp(), ...fields, ...CLEARED });
    return "customer";
  }
  if (event.kind === "ignored") {
    await db().runTransaction(async (tx) => {
      const status = (await tx.get(ref)).data()?.status;
      if (status === "received" || status === "failed") tx.update(ref, { status: "ignored", ...fields, ...CLEARED });
    });
    return "ignored";
  }
  return db().runTransaction(async (tx) => {
    const stored = (await tx.get(ref)).data();
    if (stored?.status === "processed") return "duplicate";
    if (event.kind === "subscription") await applySubscriptionStart(tx, platform, event.start, event.test);
    else await changeOrderIn(tx, platform, event.orderId, { facts: (facts) => addFact(facts, event) });
    tx.update(ref, { status: "processed", processedAt: FieldValue.serverTimestamp(), ...fields, ...CLEARED });
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
