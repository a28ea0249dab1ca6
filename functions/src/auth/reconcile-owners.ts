import { logger } from "firebase-functions";
import { listOwnerRecords, revokeOwner } from "../store/owners.js";
import { unlistedOwners } from "./session-decision.js";

/**
 * Ends the rights of every owner record whose address is no longer in OWNER_EMAILS (`keep`, the
 * caller the session callable just confirmed, is left alone). Safe to run any time, as often as
 * wanted; returns the uids whose rights ended.
 */
export async function reconcileOwners(ownerEmails: readonly string[], keep: string | null = null): Promise<string[]> {
  const stale = unlistedOwners(await listOwnerRecords(), ownerEmails).filter((r) => r.uid !== keep);
  for (const record of stale) {
    await revokeOwner(record.uid);
    logger.info("owner rights ended: address no longer in OWNER_EMAILS", { uid: record.uid });
  }
  return stale.map((r) => r.uid);
}
