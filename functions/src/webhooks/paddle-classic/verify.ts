import { createPublicKey, verify, type KeyObject } from "node:crypto";
import type { VerifyResult } from "../../domain/types.js";
import { fieldsToRecord, phpSerializeFields, type ClassicFields } from "./fields.js";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function loadKeys(publicKeysPem: readonly string[]): KeyObject[] {
  const keys: KeyObject[] = [];
  for (const pem of publicKeysPem) {
    try {
      keys.push(createPublicKey(pem));
    } catch {
      // A broken key in the list must not hide a good one; with none usable we answer 401 below.
    }
  }
  return keys;
}

/**
 * Paddle Classic alerts carry `p_signature`: base64 RSA PKCS#1 v1.5 / SHA-1 over the PHP-serialized,
 * key-sorted remaining fields. No timestamp is signed, so dedupe on `alert_id` is the replay defence.
 * Several public keys may be configured (e.g. while moving to a new Paddle account).
 */
export function verifyPaddleClassicSignature(fields: ClassicFields, publicKeysPem: string[]): VerifyResult {
  const record = fieldsToRecord(fields);
  if (record === null) return { ok: false, status: 400, reason: "a form field is repeated" };
  const raw = record.p_signature;
  if (raw === undefined || raw.trim() === "") return { ok: false, status: 400, reason: "missing p_signature field" };
  // A `+` that reached us unencoded was form-decoded to a space; base64 has no spaces, so undo it.
  const encoded = raw.trim().replace(/ /g, "+");
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) {
    return { ok: false, status: 400, reason: "p_signature is not base64" };
  }

  const keys = loadKeys(publicKeysPem);
  if (keys.length === 0) return { ok: false, status: 401, reason: "no usable Paddle Classic public key configured" };

  const signature = Buffer.from(encoded, "base64");
  const message = phpSerializeFields(record);
  const matched = keys.some((key) => {
    try {
      return verify("RSA-SHA1", message, key, signature);
    } catch {
      return false;
    }
  });
  return matched ? { ok: true } : { ok: false, status: 401, reason: "signature does not match" };
}
