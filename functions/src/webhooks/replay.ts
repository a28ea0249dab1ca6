import type { Platform } from "../../../contracts/platforms.js";
import type { ParsedEvent } from "../domain/types.js";
import { applyStoredEvent, findStoredEvents, type EventOutcome } from "../store/webhook-events.js";

// Re-applies stored webhook events whose processing never finished: `received` (the function
// stopped after storing the event) or `failed` (it answered 5xx and the platform gave up retrying).
// Applying is idempotent (a transaction that skips processed events, facts merged by a join), so a
// replay racing a live delivery or another replay changes nothing twice. `npm run replay` runs it.

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

function isParsedEvent(value: unknown, platform: Platform): value is ParsedEvent {
  return typeof value === "object" && value !== null && "kind" in value && typeof value.kind === "string" && "eventKey" in value && typeof value.eventKey === "string" && "platform" in value && value.platform === platform;
}

export async function replayEvents(options: ReplayOptions = {}): Promise<ReplayResult[]> {
  const statuses: readonly string[] = options.statuses ?? ["received", "failed"];
  const now = (options.now ?? new Date()).getTime();
  const events = await findStoredEvents({ ...(options.ids ? { ids: options.ids } : {}), statuses, limit: options.limit ?? 500 });
  const results: ReplayResult[] = [];
  for (const event of events) {
    const base = { id: event.id, platform: event.platform, eventType: event.eventType };
    if (event.status === null || !statuses.includes(event.status)) {
      results.push({ ...base, outcome: "skipped", detail: `status is ${event.status ?? "missing"}` });
      continue;
    }
    if (options.minAgeSeconds && event.receivedAt && now - event.receivedAt.getTime() < options.minAgeSeconds * 1000) {
      results.push({ ...base, outcome: "skipped", detail: "received too recently; it may still be in flight" });
      continue;
    }
    if (event.platform === null || !isParsedEvent(event.parsed, event.platform)) {
      results.push({ ...base, outcome: "error", detail: "stored event has no usable platform or parsed event" });
      continue;
    }
    try {
      results.push({ ...base, outcome: await applyStoredEvent(event.platform, event.parsed) });
    } catch (err) {
      results.push({ ...base, outcome: "error", detail: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}
