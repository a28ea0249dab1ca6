import type { Platform } from "../../../contracts/platforms.js";
import type { ParsedEvent } from "../domain/types.js";
import { apiAccess } from "./api-keys.js";
import { lemonSqueezyDiscount } from "./sources.js";

/**
 * Lemon Squeezy's order webhooks say a discount was used but not which one, so when its API key is
 * set the code is looked up (the order's discount redemptions) just before a sale is applied: on
 * arrival, on a replay and in a sync alike, so parsing stays pure and every path records the same
 * facts. If the API does not answer, applying fails like any other apply failure: the event is kept
 * failed (Lemon Squeezy retries, the owner can replay it) rather than credited without its code.
 * Without a key the sale is recorded with `discount.code` null and the console says code
 * attribution for Lemon Squeezy is off.
 */
export async function withDiscountCode(platform: Platform, event: ParsedEvent): Promise<ParsedEvent> {
  if (platform !== "lemonsqueezy" || event.kind !== "sale" || event.sale.discount === null || event.sale.discount.code !== null) return event;
  const access = apiAccess("lemonsqueezy");
  if (access === null) return event;
  const discount = await lemonSqueezyDiscount(access, event.orderId);
  return discount === null ? event : { ...event, sale: { ...event.sale, discount } };
}
