import { onCall } from "firebase-functions/https";
import { callables } from "../../../contracts/callables/index.js";
import { reattributeOrder as reattribute } from "../store/order-decisions.js";
import { parseInput, requireOwner, type CallerAuth } from "./guard.js";

/** Credits an order to an affiliate by hand (audited); refused once the order was paid out. */
export async function handleReattributeOrder(auth: CallerAuth | undefined, data: unknown) {
  const owner = requireOwner(auth);
  const input = parseInput(callables.reattributeOrder.input, data);
  const order = await reattribute(input.orderKey, input.affiliateId, owner);
  return { orderKey: input.orderKey, affiliateId: order.affiliateId, commissionMinor: order.commissionMinor, currency: order.commissionCurrency };
}

export const reattributeOrder = onCall((request) => handleReattributeOrder(request.auth, request.data));
