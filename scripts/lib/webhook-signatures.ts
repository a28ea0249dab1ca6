import { createHmac, sign } from "node:crypto";
import { phpSerializeFields } from "../../functions/src/webhooks/paddle-classic/fields.js";

// Test and script helpers: they produce what the platforms send, for fixtures we sign ourselves.
// Never imported by the functions, so never deployed.

/** The `Paddle-Signature` header value for `rawBody` signed at unix time `ts`. */
export function signPaddle(rawBody: string, secret: string, ts: number): string {
  const h1 = createHmac("sha256", secret).update(`${ts}:${rawBody}`, "utf8").digest("hex");
  return `ts=${ts};h1=${h1}`;
}

/** The `Stripe-Signature` header value for `rawBody` signed at unix time `t`, one `v1` per secret (as while rolling a secret). */
export function signStripe(rawBody: string, secrets: string | readonly string[], t: number): string {
  const v1 = (typeof secrets === "string" ? [secrets] : secrets).map((secret) => `v1=${createHmac("sha256", secret).update(`${t}.${rawBody}`, "utf8").digest("hex")}`);
  return [`t=${t}`, ...v1].join(",");
}

/** The `X-Signature` header value for `rawBody`. */
export function signLemonSqueezy(rawBody: string, secret: string): string {
  return createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");
}

/** The `p_signature` for these fields (any existing `p_signature` is left out of the signed data). */
export function signPaddleClassic(fields: Record<string, string>, privateKeyPem: string): string {
  return sign("RSA-SHA1", phpSerializeFields(fields), privateKeyPem).toString("base64");
}
