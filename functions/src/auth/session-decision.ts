import { isAffiliateStatus } from "../../../contracts/affiliates.js";
import type { CallableOutput } from "../../../contracts/callables/index.js";

export type SessionAnswer = CallableOutput<"session">;

/** Who a signed-in person is. Only a verified email can be an owner. */
export function decideSession(input: {
  email: string | null;
  verified: boolean;
  ownerEmails: readonly string[];
  affiliateStatus: string | null;
  currentOwnerClaim: boolean;
}): { answer: SessionAnswer } {
  const email = input.email?.trim().toLowerCase() ?? null;
  const isOwner = input.verified && email !== null && input.ownerEmails.some((o) => o.trim().toLowerCase() === email);
  const status = isAffiliateStatus(input.affiliateStatus) ? input.affiliateStatus : null;
  const role = isOwner ? "owner" : status === "active" && input.verified ? "affiliate" : "none";
  return { answer: { role, status, claimsChanged: isOwner !== input.currentOwnerClaim } };
}
