import { onCall } from "firebase-functions/https";
import { z } from "zod";
import { reattributeOrder as reattribute } from "../store/order-decisions.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";
import { AFFILIATE_ID } from "../orders/attribution.js";

export const reattributeInputSchema = z.strictObject({
  orderKey: z.string().min(3).max(200).regex(/^[^/]+$/),
  affiliateId: z.string().regex(AFFILIATE_ID),
});

/** Credits an order to an affiliate by hand (audited); refused once the order was paid out. */
export async function handleReattributeOrder(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  const input = parseInput(reattributeInputSchema, data);
  const order = await reattribute(input.orderKey, input.affiliateId, owner);
  return { orderKey: input.orderKey, affiliateId: order.affiliateId, commissionMinor: order.commissionMinor, currency: order.commissionCurrency };
}

export const reattributeOrder = onCall((request) => handleReattributeOrder(request.auth, request.data));
