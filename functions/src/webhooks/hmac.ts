import { createHmac, timingSafeEqual } from "node:crypto";

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

export function isSha256Hex(value: string): boolean {
  return SHA256_HEX.test(value);
}

export function hmacSha256(secret: string, message: Buffer): Buffer {
  return createHmac("sha256", secret).update(message).digest();
}

/** Empty secrets would make the HMAC forgeable by anyone, so they never count as configured. */
export function usableSecrets(secrets: readonly string[]): string[] {
  return secrets.filter((secret) => secret.length > 0);
}

/**
 * True when any candidate hex signature equals the HMAC of `message` under any secret (rotation:
 * old and new secrets, old and new signatures). Candidates must already be 64-char hex, so both
 * buffers are 32 bytes and `timingSafeEqual` cannot throw.
 */
export function anySignatureMatches(message: Buffer, candidatesHex: readonly string[], secrets: readonly string[]): boolean {
  const candidates = candidatesHex.map((hex) => Buffer.from(hex, "hex"));
  let matched = false;
  for (const secret of secrets) {
    const expected = hmacSha256(secret, message);
    for (const candidate of candidates) {
      // No early exit: the work done does not depend on which secret or signature matched.
      if (timingSafeEqual(expected, candidate)) matched = true;
    }
  }
  return matched;
}
