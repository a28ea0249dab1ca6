import { readSyncRun, type SyncRun } from "../../contracts/sync";
import { db } from "./emulator";

/** Waits for a sync run to end (done or failed), as the console watches it. */
export async function settledRun(id: string, timeoutMs = 150_000): Promise<SyncRun> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const snap = await db().doc(`syncRuns/${id}`).get();
    const run = snap.exists ? readSyncRun(snap.data() ?? {}, id) : null;
    if (run && (run.status === "done" || run.status === "failed")) return run;
    if (Date.now() > deadline) throw new Error(`sync run ${id} still ${run?.status ?? "missing"} after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
