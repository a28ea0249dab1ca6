import { z } from "zod";
import { SYNC_PLATFORMS } from "../sync.js";

/**
 * The console's reconciliation actions: `sync` reads what changed since the last checkpoint on
 * every platform whose API key is set ("Sync now"); `backfill` reads one platform's orders from a
 * day on (UTC); `resume` continues a failed or stalled run from its last page.
 */
export const startSyncInput = z.discriminatedUnion("action", [
  z.strictObject({ action: z.literal("sync") }),
  z.strictObject({
    action: z.literal("backfill"),
    platform: z.enum(SYNC_PLATFORMS),
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a day as YYYY-MM-DD"),
  }),
  z.strictObject({ action: z.literal("resume"), runId: z.string().min(1).max(100).regex(/^[A-Za-z0-9]+$/) }),
]);

/** The runs queued (the console watches syncRuns/{id}), and the platforms skipped because their key is not set. */
export const startSyncOutput = z.object({
  runIds: z.array(z.string()),
  off: z.array(z.enum(SYNC_PLATFORMS)),
});

/** Which platforms' API keys are set: without one, reconciliation (and Lemon Squeezy code lookup) is off. */
export const syncStatusInput = z.strictObject({}).nullish();
export const syncStatusOutput = z.object({ paddle: z.boolean(), lemonsqueezy: z.boolean() });
