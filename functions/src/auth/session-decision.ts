export interface SessionAnswer {
  role: "owner" | "affiliate" | "none";
  status: "pending" | "active" | "disabled" | "rejected" | null;
  claimsChanged: boolean;
}

const STATUSES = new Set(["pending", "active", "disabled", "rejected"]);

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
  const status = input.affiliateStatus && STATUSES.has(input.affiliateStatus) ? (input.affiliateStatus as SessionAnswer["status"]) : null;
  const role = isOwner ? "owner" : status === "active" && input.verified ? "affiliate" : "none";
  return { answer: { role, status, claimsChanged: isOwner !== input.currentOwnerClaim } };
}
