import type { VerifyResult } from "../../domain/types.js";
import { verifyTimestampedHmac, type TimestampedScheme } from "../timestamped-hmac.js";

/**
 * Stripe's own libraries reject signatures older than 300 s. We keep 300 s but check both ways, like
 * Paddle's: a clock a little ahead of Stripe's must not lose genuine events, and a replay inside the
 * window is harmless because events are deduplicated on their `id`.
 */
export const STRIPE_TOLERANCE_SECONDS = 300;

/**
 * `t=1492774577,v1=<hex>[,v1=<hex>…][,v0=<hex>]`, HMAC-SHA256 over `t.rawBody`. While an endpoint
 * secret is being rolled Stripe signs with both and sends two `v1`; `v0` (and any other scheme) is
 * ignored, never trusted.
 */
const STRIPE: TimestampedScheme = { header: "Stripe-Signature", platform: "Stripe", pairSeparator: ",", timestampKey: "t", signatureKey: "v1", messageSeparator: "." };

export function verifyStripeSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: string[],
  nowSeconds: number,
  toleranceSeconds = STRIPE_TOLERANCE_SECONDS,
): VerifyResult {
  return verifyTimestampedHmac(STRIPE, rawBody, header, secrets, nowSeconds, toleranceSeconds);
}
