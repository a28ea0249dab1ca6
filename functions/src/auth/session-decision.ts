import { isAffiliateStatus } from "../../../contracts/affiliates.js";
import type { CallableOutput } from "../../../contracts/callables/index.js";

export type SessionAnswer = CallableOutput<"session">;

const normal = (email: string): string => email.trim().toLowerCase();

/** True when the address is listed in OWNER_EMAILS (case and surrounding blanks ignored). */
export function isListedOwner(email: string | null, ownerEmails: readonly string[]): boolean {
  return email !== null && ownerEmails.some((o) => normal(o) === normal(email));
}

/**
 * Who a signed-in person is. Only a verified email listed in OWNER_EMAILS can be an owner, and never
 * on an account that also has a password: email link is the only way in, and a password set by
 * someone else before the real person first signed in would otherwise share the owner's account.
 */
export function decideSession(input: {
  email: string | null;
  verified: boolean;
  hasPassword: boolean;
  ownerEmails: readonly string[];
  affiliateStatus: string | null;
  currentOwnerClaim: boolean;
}): { answer: SessionAnswer } {
  const isOwner = input.verified && !input.hasPassword && isListedOwner(input.email, input.ownerEmails);
  const status = isAffiliateStatus(input.affiliateStatus) ? input.affiliateStatus : null;
  const role = isOwner ? "owner" : status === "active" && input.verified ? "affiliate" : "none";
  return { answer: { role, status, claimsChanged: isOwner !== input.currentOwnerClaim } };
}

/** The owner records whose address is no longer listed in OWNER_EMAILS: their rights end now. */
export function unlistedOwners<T extends { email: string }>(records: readonly T[], ownerEmails: readonly string[]): T[] {
  return records.filter((r) => !isListedOwner(r.email, ownerEmails));
}
