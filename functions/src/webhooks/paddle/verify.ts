import type { VerifyResult } from "../../domain/types.js";
import { anySignatureMatches, isSha256Hex, usableSecrets } from "../hmac.js";

/**
 * 300 s rather than the Paddle SDKs' 5 s: a cold start of the function, or a retry queued behind a
 * slow one, easily takes more than 5 s between Paddle signing and us checking, and a rejected
 * genuine event costs a retry storm. A replay inside the window is harmless because processing
 * deduplicates on `event_id`. The check is symmetric (the SDKs only reject the past).
 */
export const PADDLE_TOLERANCE_SECONDS = 300;

interface PaddleSignatureHeader {
  ts: number;
  h1: string[];
}

/** `ts=1710498758;h1=<hex>[;h1=<hex>…]`; unknown keys are ignored for forward compatibility. */
function parseHeader(header: string): PaddleSignatureHeader | null {
  let ts: number | null = null;
  const h1: string[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "ts") {
      if (ts !== null || !/^\d{1,12}$/.test(value)) return null;
      ts = Number(value);
    } else if (key === "h1") {
      h1.push(value);
    }
  }
  if (ts === null || h1.length === 0) return null;
  return { ts, h1 };
}

export function verifyPaddleSignature(
  rawBody: Buffer,
  header: string | undefined,
  secrets: string[],
  nowSeconds: number,
  toleranceSeconds = PADDLE_TOLERANCE_SECONDS,
): VerifyResult {
  if (header === undefined || header.trim() === "") {
    return { ok: false, status: 400, reason: "missing Paddle-Signature header" };
  }
  const parsed = parseHeader(header);
  if (parsed === null) return { ok: false, status: 400, reason: "malformed Paddle-Signature header" };
  const candidates = parsed.h1.filter(isSha256Hex);
  if (candidates.length === 0) return { ok: false, status: 400, reason: "no well-formed h1 signature in header" };

  const keys = usableSecrets(secrets);
  if (keys.length === 0) return { ok: false, status: 401, reason: "no Paddle webhook secret configured" };
  if (Math.abs(nowSeconds - parsed.ts) > toleranceSeconds) {
    return { ok: false, status: 401, reason: `timestamp outside the ${toleranceSeconds} s tolerance` };
  }

  const message = Buffer.concat([Buffer.from(`${parsed.ts}:`, "utf8"), rawBody]);
  if (!anySignatureMatches(message, candidates, keys)) {
    return { ok: false, status: 401, reason: "signature does not match" };
  }
  return { ok: true };
}
