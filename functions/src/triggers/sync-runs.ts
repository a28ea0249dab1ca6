import { onDocumentWritten } from "firebase-functions/firestore";
import { onSchedule } from "firebase-functions/scheduler";
import { lemonSqueezyApiKey, paddleApiKey } from "../config/params.js";
import { executeRun } from "../reconcile/run-sync.js";
import { startSyncs } from "../reconcile/start.js";

const SECRETS = [paddleApiKey, lemonSqueezyApiKey];

/**
 * Every run is carried out here, whoever queued it (the schedule, "Sync now", a backfill, a resume,
 * or the run itself handing over the rest of its work): when a run document becomes `queued`. The
 * claim is a transaction, so a repeated trigger runs nothing twice.
 */
export const onSyncRunWritten = onDocumentWritten({ document: "syncRuns/{runId}", secrets: SECRETS, timeoutSeconds: 540, memory: "512MiB" }, async (event) => {
  const after = event.data?.after;
  if (!after?.exists || after.get("status") !== "queued") return;
  await executeRun(event.params.runId);
});

/** Hourly: what webhooks may have missed, and any run that stopped resumes. */
export const syncHourly = onSchedule({ schedule: "every 60 minutes", secrets: SECRETS, retryCount: 0 }, async () => {
  await startSyncs(new Date());
});
