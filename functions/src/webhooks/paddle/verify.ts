import type { VerifyResult } from "../../domain/types.js";
import { verifyTimestampedHmac, type TimestampedScheme } from "../timestamped-hmac.js";

/**
 * 300 s rather than the Paddle SDKs' 5 s: a cold start of the function, or a retry queued behind a
 * slow one, easily takes more than 5 s between Paddle signing and us checking, and a rejected
 * genuine event costs a retry storm. A replay inside the window is harmless because processing
 * deduplicates on `event_id`. The check is symmetric (the SDKs only reject the past).
 */
export const PADDLE_TOLERANCE_SECONDS = 300;

/** `ts=1710498758;h1=<hex>[;h1=<hex>…]`, HMAC-SHA256 over `ts:rawBody`. */
const PADDLE: TimestampedScheme = { header: "Paddle-Signature", platform: "Paddle", pairSeparator: ";", timestampKey: "ts", signatureKey: "h1", messageSeparator: ":" };

export function verifyPaddleSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: string[],
  nowSeconds: number,
  toleranceSeconds = PADDLE_TOLERANCE_SECONDS,
): VerifyResult {
  return verifyTimestampedHmac(PADDLE, rawBody, header, secrets, nowSeconds, toleranceSeconds);
}
