import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { approveSelfReferral as approve } from "../store/order-decisions.js";

/** Lets a flagged self-referral's commission become payable (audited). */
export const approveSelfReferral = ownerCallable(callables.approveSelfReferral, async ({ orderKey }, owner) => {
  const order = await approve(orderKey, owner);
  return { orderKey, flagApproved: order.flagApproved };
});
