import type { Platform } from "../../../../contracts/platforms.js";
import type { ParsedEvent } from "../../domain/types.js";
import { withDiscountCode } from "../../reconcile/discount-codes.js";
import { withStripeFacts } from "../stripe/enrich.js";
import { stripeApi } from "./stripe-api.js";

/**
 * The facts a platform's API adds to a parsed event before it is applied (Lemon Squeezy's discount
 * code, Stripe's net, promotion code and subscription invoice), on arrival and on a replay alike.
 * Throws when the API fails in a way a retry may fix: the caller keeps the event failed.
 */
export async function withApiFacts(platform: Platform, event: ParsedEvent): Promise<ParsedEvent> {
  if (platform === "stripe") return withStripeFacts(stripeApi(), event);
  return withDiscountCode(platform, event);
}
