import type { VerifyResult } from "../../domain/types.js";
import { anySignatureMatches, isSha256Hex, usableSecrets } from "../hmac.js";

/**
 * `X-Signature` is the hex HMAC-SHA256 of the raw body. Nothing time-bound is signed, so replay
 * protection rests entirely on the derived event key (see parse.ts).
 */
export function verifyLemonSqueezySignature(rawBody: Buffer, header: string | undefined, secrets: string[]): VerifyResult {
  if (header === undefined || header.trim() === "") {
    return { ok: false, status: 400, reason: "missing X-Signature header" };
  }
  const signature = header.trim();
  if (!isSha256Hex(signature)) return { ok: false, status: 400, reason: "malformed X-Signature header" };

  const keys = usableSecrets(secrets);
  if (keys.length === 0) return { ok: false, status: 401, reason: "no Lemon Squeezy signing secret configured" };
  if (!anySignatureMatches(rawBody, [signature], keys)) {
    return { ok: false, status: 401, reason: "signature does not match" };
  }
  return { ok: true };
}
