import { createHash } from "node:crypto";

/**
 * `applications/{id}`: derived from the lower-cased email, so a second application for an address
 * finds the first (one application per address) without a query, in the same time as a new one.
 */
export function applicationIdOf(email: string): string {
  return `app_${createHash("sha256").update(email.trim().toLowerCase()).digest("hex").slice(0, 32)}`;
}
