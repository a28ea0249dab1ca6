import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { changeAffiliateStatus } from "../store/affiliates.js";

/** Approve or reject an application, disable or re-enable an affiliate, with a note. */
export const setAffiliateStatus = ownerCallable(callables.setAffiliateStatus, async ({ affiliateId, action, note }, owner) => ({
  status: await changeAffiliateStatus(affiliateId, action, note, owner),
}));
