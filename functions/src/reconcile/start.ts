import { SYNC_PLATFORMS, type SyncPlatform } from "../../../contracts/sync.js";
import { STALLED_AFTER_MS, queueRun, readSyncStates, requeueRun, unfinishedRuns } from "../store/sync.js";
import { apiAccess } from "./api-keys.js";
import { syncFrom } from "./plan.js";

/** The platforms whose API key is set. */
export function configuredPlatforms(): { on: SyncPlatform[]; off: SyncPlatform[] } {
  const on = SYNC_PLATFORMS.filter((p) => apiAccess(p) !== null);
  return { on, off: SYNC_PLATFORMS.filter((p) => !on.includes(p)) };
}

/**
 * "Sync now" and the hourly schedule: a platform with a stopped run (failed, or stalled past its
 * heartbeat) resumes it; one with a run under way is left to it; the others get a new sync run.
 */
export async function startSyncs(now: Date): Promise<{ runIds: string[]; off: SyncPlatform[] }> {
  const { on, off } = configuredPlatforms();
  const [states, unfinished] = await Promise.all([readSyncStates(), unfinishedRuns()]);
  const runIds: string[] = [];
  for (const platform of on) {
    const own = unfinished.filter((run) => run.platform === platform);
    for (const run of own) {
      const stalled = run.status === "running" && (run.heartbeatAt === null || now.getTime() - run.heartbeatAt.getTime() > STALLED_AFTER_MS);
      if (run.status === "failed" || stalled) {
        await requeueRun(run.id, now);
        runIds.push(run.id);
      }
    }
    if (own.length > 0) continue;
    runIds.push(await queueRun({ platform, kind: "sync", from: syncFrom(platform, states.find((s) => s.platform === platform), now), now }));
  }
  return { runIds, off };
}
