import { logger } from "firebase-functions";
import { onSchedule } from "firebase-functions/scheduler";
import { tidyLedgers, type TidyResult } from "../store/tidy-ledgers.js";

const DAY_MS = 86_400_000;
/** Shards updated within this many days are looked at, so a failed or skipped run is caught up. */
export const TIDY_LOOKBACK_DAYS = 3;

/**
 * Balances need no daily job (the portal splits `pendingByDay` by today); this one only removes the
 * zero keys refunds and payouts leave behind, so shard documents stay small. Safe to run any time,
 * as often as wanted.
 */
export async function handleTidyLedgers(options: { now?: Date; affiliateId?: string } = {}): Promise<TidyResult> {
  const now = options.now ?? new Date();
  const result = await tidyLedgers(
    options.affiliateId ? { affiliateId: options.affiliateId } : { since: new Date(now.getTime() - TIDY_LOOKBACK_DAYS * DAY_MS) },
  );
  logger.info("ledgers tidied", result);
  return result;
}

export const tidyLedgersDaily = onSchedule({ schedule: "every day 03:17", timeZone: "Etc/UTC", retryCount: 1 }, async () => {
  await handleTidyLedgers();
});
