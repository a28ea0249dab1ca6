import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { updateAffiliateTerms } from "../store/affiliates.js";

/** The affiliate's own terms: rate, cookie window, discount code, readable slug, note. */
export const updateAffiliate = ownerCallable(callables.updateAffiliate, async ({ affiliateId, ...terms }, owner) => {
  await updateAffiliateTerms(affiliateId, terms, owner);
  return { ok: true };
});
