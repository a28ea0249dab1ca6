// Who may call an owner callable. Pure, so the rule is unit-tested apart from Firebase.
import { isListedOwner } from "../auth/session-decision.js";
import type { Actor } from "../domain/actor.js";

export interface CallerAuth {
  uid: string;
  token: Record<string, unknown>;
}

export type OwnerDecision = { ok: true; owner: Actor } | { ok: false; code: "unauthenticated" | "permission-denied" };

/**
 * The `owner` claim (set only by the `session` callable) and a verified email are required, and the
 * email must still be listed in OWNER_EMAILS: removing an owner from the configuration takes effect
 * at once instead of when their ID token expires.
 */
export function decideOwner(auth: CallerAuth | undefined, ownerEmails: readonly string[]): OwnerDecision {
  if (!auth) return { ok: false, code: "unauthenticated" };
  const email = typeof auth.token.email === "string" ? auth.token.email.trim().toLowerCase() : null;
  const listed = isListedOwner(email, ownerEmails);
  if (auth.token.owner !== true || auth.token.email_verified !== true || !listed || email === null) {
    return { ok: false, code: "permission-denied" };
  }
  return { ok: true, owner: { uid: auth.uid, email } };
}
