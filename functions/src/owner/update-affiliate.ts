import { callables } from "../../../contracts/callables/index.js";
import { ownerCallable } from "../callables/define.js";
import { paddleDiscountIdOf } from "../reconcile/discount-codes.js";
import { updateAffiliateTerms } from "../store/affiliates.js";

/** The affiliate's own terms: rate, cookie window, discount code (and Paddle's id for it), readable slug, note. */
export const updateAffiliate = ownerCallable(callables.updateAffiliate, async ({ affiliateId, ...terms }, owner) => {
  const paddle = await paddleDiscountIdOf(terms.discountCode, terms.discountIds.paddle);
  await updateAffiliateTerms(affiliateId, { ...terms, discountIds: { paddle: paddle.id } }, owner);
  return { ok: true as const, paddleDiscountId: paddle.id, paddleLookup: paddle.lookup };
});
