import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { approveSelfReferral as approve } from "../store/order-decisions.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** Lets a flagged self-referral's commission become payable (audited). */
export async function handleApproveSelfReferral(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  const input = parseInput(callables.approveSelfReferral.input, data);
  const order = await approve(input.orderKey, owner);
  return { orderKey: input.orderKey, flagApproved: order.flagApproved };
}

export const approveSelfReferral = onCall((request) => handleApproveSelfReferral(request.auth, request.data));
