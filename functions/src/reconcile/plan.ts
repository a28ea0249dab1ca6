import type { SyncPlatform, SyncState } from "../../../contracts/sync.js";

// Where a new sync starts. Paddle is read by `updated_at` from the checkpoint (the latest change
// already seen). Lemon Squeezy lists orders newest first and cannot filter by change, so a sync reads
// back to a few days before the checkpoint: a refund on an order placed before that is left to its
// webhook (or a backfill).

const DAY_MS = 86_400_000;
/** With no checkpoint yet, the first sync looks back this far; older sales need a backfill. */
export const FIRST_SYNC_DAYS = 7;
export const LEMON_SQUEEZY_OVERLAP_DAYS = 3;

export function syncFrom(platform: SyncPlatform, state: SyncState | undefined, now: Date): string {
  const checkpoint = state?.checkpoint ?? null;
  if (checkpoint === null) return new Date(now.getTime() - FIRST_SYNC_DAYS * DAY_MS).toISOString();
  if (platform === "paddle") return checkpoint;
  return new Date(Date.parse(checkpoint) - LEMON_SQUEEZY_OVERLAP_DAYS * DAY_MS).toISOString();
}

/** A backfill from a day (UTC) starts at its midnight. */
export function backfillFrom(day: string): string {
  return new Date(`${day}T00:00:00.000Z`).toISOString();
}
