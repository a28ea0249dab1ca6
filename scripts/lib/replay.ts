import { getFirestore } from "firebase-admin/firestore";
import { isPlatform, type Platform } from "../../contracts/platforms";
import type { ParsedEvent } from "../../functions/src/domain/types";
import { applyStoredEvent, type EventOutcome } from "../../functions/src/store/webhook-events";

// Re-applies stored webhook events whose processing never finished: `received` (the function
// stopped after storing the event) or `failed` (it answered 5xx and the platform gave up retrying).
// Applying is idempotent (a transaction that skips processed events, facts merged by a join), so a
// replay racing a live delivery or another replay changes nothing twice.

export type ReplayStatus = "received" | "failed";

export interface ReplayOptions {
  /** Only these webhookEvents document ids (still only if their status is one of `statuses`). */
  ids?: string[];
  statuses?: ReplayStatus[];
  /** Skip events received less than this long ago: they may still be in flight. */
  minAgeSeconds?: number;
  limit?: number;
  now?: Date;
}

export interface ReplayResult {
  id: string;
  platform: Platform | null;
  eventType: string | null;
  outcome: EventOutcome | "skipped" | "error";
  detail?: string;
}

function isParsedEvent(value: unknown): value is ParsedEvent {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.kind === "string" && typeof v.eventKey === "string" && isPlatform(v.platform);
}

export async function replayEvents(options: ReplayOptions = {}): Promise<ReplayResult[]> {
  const db = getFirestore();
  const statuses = options.statuses ?? ["received", "failed"];
  const now = (options.now ?? new Date()).getTime();
  const collection = db.collection("webhookEvents");
  const snaps = options.ids
    ? (await Promise.all(options.ids.map((id) => collection.doc(id).get()))).filter((s) => s.exists)
    : (await collection.where("status", "in", statuses).limit(options.limit ?? 500).get()).docs;
  const results: ReplayResult[] = [];
  for (const snap of snaps) {
    const platform = snap.get("platform") as unknown;
    const parsed = snap.get("parsed") as unknown;
    const base = { id: snap.id, platform: isPlatform(platform) ? platform : null, eventType: (snap.get("eventType") as string | undefined) ?? null };
    const status = snap.get("status") as string;
    if (!(statuses as string[]).includes(status)) {
      results.push({ ...base, outcome: "skipped", detail: `status is ${status}` });
      continue;
    }
    const receivedAt = snap.get("receivedAt") as { toMillis(): number } | undefined;
    if (options.minAgeSeconds && receivedAt && now - receivedAt.toMillis() < options.minAgeSeconds * 1000) {
      results.push({ ...base, outcome: "skipped", detail: "received too recently; it may still be in flight" });
      continue;
    }
    if (!isPlatform(platform) || !isParsedEvent(parsed) || parsed.platform !== platform) {
      results.push({ ...base, outcome: "error", detail: "stored event has no usable platform or parsed event" });
      continue;
    }
    try {
      results.push({ ...base, outcome: await applyStoredEvent(platform, parsed) });
    } catch (err) {
      results.push({ ...base, outcome: "error", detail: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}
