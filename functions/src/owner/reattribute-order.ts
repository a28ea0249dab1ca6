import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { reattributeOrder as reattribute } from "../store/order-decisions.js";

/** Credits an order to an affiliate by hand (audited); refused once the order was paid out. */
export const reattributeOrder = ownerCallable(callables.reattributeOrder, async ({ orderKey, affiliateId }, owner) => {
  const order = await reattribute(orderKey, affiliateId, owner);
  return { orderKey, affiliateId: order.affiliateId, commissionMinor: order.commissionMinor, currency: order.commissionCurrency };
});
