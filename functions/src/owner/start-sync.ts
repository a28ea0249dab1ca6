import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { lemonSqueezyApiKey, paddleApiKey } from "../config/params.js";
import { DomainError } from "../domain/errors.js";
import { backfillFrom } from "../reconcile/plan.js";
import { configuredPlatforms, startSyncs } from "../reconcile/start.js";
import { queueRun, requeueRun } from "../store/sync.js";

const secrets = [paddleApiKey, lemonSqueezyApiKey];

/** "Sync now", "Backfill from" and "Resume" in the console's Sync page; the syncRuns trigger does the work. */
export const startSync = ownerCallable(
  callables.startSync,
  async (input) => {
    const now = new Date();
    if (input.action === "sync") return startSyncs(now);
    const { off } = configuredPlatforms();
    if (input.action === "resume") {
      await requeueRun(input.runId, now);
      return { runIds: [input.runId], off };
    }
    if (off.includes(input.platform)) throw new DomainError("failed-precondition", "This platform's API key is not set: reconciliation is off for it.");
    const from = backfillFrom(input.from);
    if (Date.parse(from) > now.getTime()) throw new DomainError("invalid-input", "Pick a day that has begun.");
    return { runIds: [await queueRun({ platform: input.platform, kind: "backfill", from, now })], off };
  },
  { secrets },
);

/** Tells the console which platforms' API keys are set (the values never leave the functions). */
export const syncStatus = ownerCallable(
  callables.syncStatus,
  () => {
    const { on } = configuredPlatforms();
    return Promise.resolve({ paddle: on.includes("paddle"), lemonsqueezy: on.includes("lemonsqueezy") });
  },
  { secrets },
);
