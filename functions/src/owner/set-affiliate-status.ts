import { onCall } from "firebase-functions/https";
import { z } from "zod";
import { STATUS_ACTIONS } from "../affiliates/status.js";
import { changeAffiliateStatus } from "../store/affiliates.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";
import { AFFILIATE_ID } from "../orders/attribution.js";

export const statusInputSchema = z.strictObject({
  affiliateId: z.string().regex(AFFILIATE_ID),
  action: z.enum(STATUS_ACTIONS),
  note: z.string().trim().max(1000).default(""),
});

/** Approve or reject an application, disable or re-enable an affiliate, with a note. */
export async function handleSetAffiliateStatus(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  const input = parseInput(statusInputSchema, data);
  return { status: await changeAffiliateStatus(input.affiliateId, input.action, input.note, owner) };
}

export const setAffiliateStatus = onCall((request) => handleSetAffiliateStatus(request.auth, request.data));
