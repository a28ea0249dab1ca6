import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { changeAffiliateStatus } from "../store/affiliates.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** Approve or reject an application, disable or re-enable an affiliate, with a note. */
export async function handleSetAffiliateStatus(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  const input = parseInput(callables.setAffiliateStatus.input, data);
  return { status: await changeAffiliateStatus(input.affiliateId, input.action, input.note, owner) };
}

export const setAffiliateStatus = onCall((request) => handleSetAffiliateStatus(request.auth, request.data));
