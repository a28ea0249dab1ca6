import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { updateAffiliateTerms } from "../store/affiliates.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** The affiliate's own terms: rate, cookie window, discount code, readable slug, note. */
export async function handleUpdateAffiliate(auth: CallerAuth | undefined, data: unknown): Promise<{ ok: true }> {
  const owner = requireOwner(auth);
  const { affiliateId, ...terms } = parseInput(callables.updateAffiliate.input, data);
  await updateAffiliateTerms(affiliateId, terms, owner);
  return { ok: true };
}

export const updateAffiliate = onCall((request) => handleUpdateAffiliate(request.auth, request.data));
