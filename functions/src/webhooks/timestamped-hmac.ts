import type { VerifyResult } from "../domain/types.js";
import { anySignatureMatches, isSha256Hex, usableSecrets } from "./hmac.js";

/** How a platform writes a timestamped HMAC-SHA256 signature header: Paddle `ts=…;h1=…`, Stripe `t=…,v1=…`. */
export interface TimestampedScheme {
  /** For messages: "Paddle-Signature". */
  header: string;
  /** For messages: "Paddle". */
  platform: string;
  pairSeparator: string;
  timestampKey: string;
  signatureKey: string;
  /** Between the timestamp and the raw body in the signed message. */
  messageSeparator: string;
}

interface ParsedHeader {
  timestamp: number;
  signatures: string[];
}

/** `key=value` pairs; several signatures may be sent (rotation), unknown keys are ignored for forward compatibility. */
function parseHeader(header: string, scheme: TimestampedScheme): ParsedHeader | null {
  let timestamp: number | null = null;
  const signatures: string[] = [];
  for (const part of header.split(scheme.pairSeparator)) {
    const eq = part.indexOf("=");
    if (eq <= 0) return null;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === scheme.timestampKey) {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = Number(value);
    } else if (key === scheme.signatureKey) {
      signatures.push(value);
    }
  }
  if (timestamp === null || signatures.length === 0) return null;
  return { timestamp, signatures };
}

/** Any signature under any secret, over `timestamp + separator + rawBody`, within ± `toleranceSeconds` of now. */
export function verifyTimestampedHmac(
  scheme: TimestampedScheme,
  rawBody: Buffer,
  header: string | undefined,
  secrets: string[],
  nowSeconds: number,
  toleranceSeconds: number,
): VerifyResult {
  if (header === undefined || header.trim() === "") {
    return { ok: false, status: 400, reason: `missing ${scheme.header} header` };
  }
  const parsed = parseHeader(header, scheme);
  if (parsed === null) return { ok: false, status: 400, reason: `malformed ${scheme.header} header` };
  const candidates = parsed.signatures.filter(isSha256Hex);
  if (candidates.length === 0) return { ok: false, status: 400, reason: `no well-formed ${scheme.signatureKey} signature in header` };

  const keys = usableSecrets(secrets);
  if (keys.length === 0) return { ok: false, status: 401, reason: `no ${scheme.platform} webhook secret configured` };
  if (Math.abs(nowSeconds - parsed.timestamp) > toleranceSeconds) {
    return { ok: false, status: 401, reason: `timestamp outside the ${toleranceSeconds} s tolerance` };
  }

  const message = Buffer.concat([Buffer.from(`${parsed.timestamp}${scheme.messageSeparator}`, "utf8"), rawBody]);
  if (!anySignatureMatches(message, candidates, keys)) {
    return { ok: false, status: 401, reason: "signature does not match" };
  }
  return { ok: true };
}
