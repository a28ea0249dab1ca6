import type { PADDLE_DISCOUNT_LOOKUPS } from "../../../contracts/callables/update-affiliate.js";
import type { Platform } from "../../../contracts/platforms.js";
import type { ParsedEvent } from "../domain/types.js";
import { apiAccess } from "./api-keys.js";
import { DEFAULT_POLICY, type HttpPolicy } from "./http.js";
import { lemonSqueezyDiscount, paddleDiscountIdFor } from "./sources.js";

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

/** The owner waits for this answer: one quick try, and saving goes on without the id if it fails. */
const WHILE_SAVING: HttpPolicy = { ...DEFAULT_POLICY, attempts: 1, timeoutMs: 5_000 };

/**
 * Paddle Billing's sales name a discount by its id (`dsc_…`), never by its code. When the owner
 * saves an affiliate's code without that id and PADDLE_API_KEY is set, Paddle is asked for the
 * discount with this code, so its sales credit the affiliate without the owner copying the id.
 * Looked up when the terms are saved, not when a sale arrives: webhooks never wait for it.
 */
export async function paddleDiscountIdOf(
  code: string | null,
  entered: string | null,
  policy: HttpPolicy = WHILE_SAVING,
): Promise<{ id: string | null; lookup: (typeof PADDLE_DISCOUNT_LOOKUPS)[number] }> {
  if (entered !== null) return { id: entered, lookup: "entered" };
  if (code === null) return { id: null, lookup: "none" };
  const access = apiAccess("paddle");
  if (access === null) return { id: null, lookup: "off" };
  try {
    const id = await paddleDiscountIdFor(access, code, policy);
    return { id, lookup: id === null ? "not_found" : "found" };
  } catch {
    return { id: null, lookup: "failed" };
  }
}
