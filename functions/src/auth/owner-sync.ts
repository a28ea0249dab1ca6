import { logger } from "firebase-functions";
import { onInit } from "firebase-functions/v2/core";
import { onSchedule } from "firebase-functions/scheduler";
import { listOf, ownerEmails } from "../config/params.js";
import { reconcileOwners } from "./reconcile-owners.js";

// OWNER_EMAILS changes only with a deploy, and a deploy starts new instances: each one reconciles the
// owner records when it starts, without holding up its first request. The schedule covers a deploy
// after which no function is called.

/** Registers the start-up reconciliation; index.ts calls it once. */
export function reconcileOwnersOnStart(): void {
  onInit(() => {
    reconcileOwners(listOf(ownerEmails.value())).catch((error: unknown) =>
      logger.error("owner reconciliation at start failed; the schedule will retry", { error: String(error) }),
    );
  });
}

export const reconcileOwnersEvery5Minutes = onSchedule({ schedule: "every 5 minutes", retryCount: 0 }, async () => {
  await reconcileOwners(listOf(ownerEmails.value()));
});
