import { callables } from "../../../contracts/callables/index.js";
import { anonymousCallable } from "../callables/define.js";
import { APPLY_LIMITS, bucketOf, clientBuckets } from "../domain/limits.js";
import { onEmulator } from "../config/runtime.js";
import { clockOf } from "../owner/clock.js";
import { submitApplication } from "../store/applications.js";
import { takeOrRefuse } from "../store/rate-limits.js";

/** Above the ordinary time of the two counters and the create. */
const MIN_ANSWER_MS = 1_000;

/**
 * Public: no sign-in needed. The application waits in `applications/` for the owner; no account or
 * affiliate exists until approval. The answer is the same, after the same minimum time, whether the
 * email is new, already applied or already an affiliate, so the form cannot be used to find out who
 * is in the program. Per-client limit first, then the global cap (see APPLY_LIMITS).
 */
export const apply = anonymousCallable(callables.apply, MIN_ANSWER_MS, async ({ asOf, ...application }, caller) => {
  const now = clockOf(asOf, onEmulator(), new Date());
  await takeOrRefuse([...clientBuckets(APPLY_LIMITS.perClient, caller.clientKey, onEmulator(), now), bucketOf(APPLY_LIMITS.global, "all", now)], now);
  await submitApplication(application);
  return { ok: true as const };
});
