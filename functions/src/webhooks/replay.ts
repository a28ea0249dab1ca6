import type { Platform } from "../../../contracts/platforms.js";
import type { ParsedEvent } from "../domain/types.js";
import { applyEvent, findStoredEvents, markFailed, type EventOutcome, type StoredEvent } from "../store/webhook-events.js";
import { withApiFacts } from "./http/api-facts.js";
import { PayloadError } from "./payload-error.js";
import { parseVerified } from "./receipt.js";

// Re-reads stored webhook events whose processing never finished: `received` (the function stopped
// after storing the event) or `failed` (its body did not parse, or applying it failed and the
// platform gave up retrying). Every replay parses the stored raw body again with the code deployed
// now, so an upgrade that learns a currency or a field makes a failed event apply. Applying is
// idempotent (a transaction that skips processed events, facts merged by a join), so a replay racing
// a live delivery or another replay changes nothing twice. `npm run replay` and the owner console's
// Failed events view run it.

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
  /** `failed`: the body still does not parse (kept failed with the reason); `error`: applying it failed. */
  outcome: EventOutcome | "skipped" | "failed" | "error";
  detail?: string;
}

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Parses the stored body again and applies it; records a failure on the event. */
async function replayOne(event: StoredEvent, now: Date): Promise<ReplayResult> {
  const base = { id: event.id, platform: event.platform, eventType: event.eventType };
  if (event.platform === null || event.rawBody === null) {
    return { ...base, outcome: "error", detail: "stored event has no platform or raw body" };
  }
  let parsed: ParsedEvent;
  try {
    parsed = parseVerified(event.platform, event.rawBody, { sandbox: event.sandbox });
  } catch (err) {
    const detail = err instanceof PayloadError ? err.message : `unexpected ${messageOf(err)}`;
    await markFailed(event.id, "parse", detail, now);
    return { ...base, outcome: "failed", detail };
  }
  try {
    return { ...base, eventType: parsed.eventType, outcome: await applyEvent(event.id, event.platform, await withApiFacts(event.platform, parsed)) };
  } catch (err) {
    await markFailed(event.id, "apply", err, now).catch(() => undefined);
    return { ...base, eventType: parsed.eventType, outcome: "error", detail: messageOf(err) };
  }
}

export async function replayEvents(options: ReplayOptions = {}): Promise<ReplayResult[]> {
  const statuses: readonly string[] = options.statuses ?? ["received", "failed"];
  const now = options.now ?? new Date();
  const events = await findStoredEvents({ ...(options.ids ? { ids: options.ids } : {}), statuses, limit: options.limit ?? 500 });
  const results: ReplayResult[] = [];
  for (const event of events) {
    const base = { id: event.id, platform: event.platform, eventType: event.eventType };
    if (event.status === null || !statuses.includes(event.status)) {
      results.push({ ...base, outcome: "skipped", detail: `status is ${event.status ?? "missing"}` });
      continue;
    }
    if (options.minAgeSeconds && event.receivedAt && now.getTime() - event.receivedAt.getTime() < options.minAgeSeconds * 1000) {
      results.push({ ...base, outcome: "skipped", detail: "received too recently; it may still be in flight" });
      continue;
    }
    results.push(await replayOne(event, now));
  }
  return results;
}
