import { int, isRecord, oneOf, strOrNull, timeOf } from "./read-fields.js";

// Reconciliation through the platforms' APIs (issue 15): what the functions write and the owner's
// console reads. `syncRuns/{id}` is one run (an hourly sync, "Sync now" or a backfill), written after
// every page so the console shows progress and a stopped run resumes where it was.
// `syncState/{platform}` is where the next sync starts, and how the last one ended.

/** Platforms with an API the sync reads (Paddle Classic's is retired). */
export const SYNC_PLATFORMS = ["paddle", "lemonsqueezy"] as const;
export type SyncPlatform = (typeof SYNC_PLATFORMS)[number];

export const SYNC_KINDS = ["sync", "backfill"] as const;
export type SyncKind = (typeof SYNC_KINDS)[number];

/** queued → running → done | failed; a failed or stalled run is queued again to resume. */
export const SYNC_STATUSES = ["queued", "running", "done", "failed"] as const;
export type SyncStatus = (typeof SYNC_STATUSES)[number];

export interface SyncCounts {
  pages: number;
  /** Sales the API listed. */
  found: number;
  /** Of those, sales already recorded (by their webhook or an earlier run). */
  alreadyKnown: number;
  /** Sales recorded by this run: webhooks had missed them (or, for a backfill, they predate the program). */
  recorded: number;
  /** Of the recorded ones, sales no affiliate was credited for. */
  unattributed: number;
  /** Refunds, credits and chargebacks recorded by this run that no webhook had brought. */
  refunds: number;
}

export const emptyCounts = (): SyncCounts => ({ pages: 0, found: 0, alreadyKnown: 0, recorded: 0, unattributed: 0, refunds: 0 });

export interface SyncRun {
  id: string;
  platform: SyncPlatform;
  kind: SyncKind;
  status: SyncStatus;
  /** Records changed (Paddle) or placed (Lemon Squeezy) since this instant are read. */
  from: string;
  /** The next page to read; null before the first and after the last. */
  cursor: string | null;
  /** The latest `updated_at` seen: where the next sync starts once this one is done. */
  checkpoint: string | null;
  counts: SyncCounts;
  error: string | null;
  createdAt: Date | null;
  heartbeatAt: Date | null;
  finishedAt: Date | null;
}

export interface SyncState {
  platform: SyncPlatform;
  checkpoint: string | null;
  lastRunId: string | null;
  lastStatus: SyncStatus | null;
  lastFinishedAt: Date | null;
  lastError: string | null;
  /** Sales the last finished sync recorded that webhooks had missed. */
  lastMissed: number;
}

function readCounts(value: unknown): SyncCounts {
  const f = isRecord(value) ? value : {};
  return { pages: int(f["pages"]), found: int(f["found"]), alreadyKnown: int(f["alreadyKnown"]), recorded: int(f["recorded"]), unattributed: int(f["unattributed"]), refunds: int(f["refunds"]) };
}

export function readSyncRun(f: Record<string, unknown>, id: string): SyncRun {
  return {
    id,
    platform: oneOf(f["platform"], SYNC_PLATFORMS) ?? "paddle",
    kind: oneOf(f["kind"], SYNC_KINDS) ?? "sync",
    status: oneOf(f["status"], SYNC_STATUSES) ?? "failed",
    from: strOrNull(f["from"]) ?? new Date(0).toISOString(),
    cursor: strOrNull(f["cursor"]),
    checkpoint: strOrNull(f["checkpoint"]),
    counts: readCounts(f["counts"]),
    error: strOrNull(f["error"]),
    createdAt: timeOf(f["createdAt"]),
    heartbeatAt: timeOf(f["heartbeatAt"]),
    finishedAt: timeOf(f["finishedAt"]),
  };
}

export function readSyncState(f: Record<string, unknown>, platform: SyncPlatform): SyncState {
  return {
    platform,
    checkpoint: strOrNull(f["checkpoint"]),
    lastRunId: strOrNull(f["lastRunId"]),
    lastStatus: oneOf(f["lastStatus"], SYNC_STATUSES),
    lastFinishedAt: timeOf(f["lastFinishedAt"]),
    lastError: strOrNull(f["lastError"]),
    lastMissed: int(f["lastMissed"]),
  };
}
