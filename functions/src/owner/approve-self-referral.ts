import { onCall } from "firebase-functions/https";
import { z } from "zod";
import { approveSelfReferral as approve } from "../store/order-decisions.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

export const approveSelfReferralInputSchema = z.strictObject({
  orderKey: z.string().min(3).max(200).regex(/^[^/]+$/),
});

/** Lets a flagged self-referral's commission become payable (audited). */
export async function handleApproveSelfReferral(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  const input = parseInput(approveSelfReferralInputSchema, data);
  const order = await approve(input.orderKey, owner);
  return { orderKey: input.orderKey, flagApproved: order.flagApproved };
}

export const approveSelfReferral = onCall((request) => handleApproveSelfReferral(request.auth, request.data));
