import { AFFILIATE_STATUSES, type AffiliateStatus } from "../../types/models";

export type Role = "owner" | "affiliate" | "none";

export interface Access {
  role: Role;
  status: AffiliateStatus | null;
  isOwner: boolean;
  /** Only active affiliates may read their data under the security rules. */
  isActiveAffiliate: boolean;
  /** "fallback" when the session callable failed and the answer came from a profile read. */
  source: "session" | "fallback";
}

export interface SessionResult {
  role: Role;
  status: AffiliateStatus | null;
  claimsChanged: boolean;
}

export interface AccessDeps {
  callSession: () => Promise<unknown>;
  refreshIdToken: () => Promise<void>;
  hasOwnerClaim: () => Promise<boolean>;
  readAffiliateStatus: () => Promise<AffiliateStatus | "denied" | "missing">;
}

/** Checks the callable's answer instead of trusting its shape. */
export function parseSessionResult(value: unknown): SessionResult | null {
  if (typeof value !== "object" || value === null) return null;
  const { role, status, claimsChanged } = value as Record<string, unknown>;
  if (role !== "owner" && role !== "affiliate" && role !== "none") return null;
  if (status !== null && status !== undefined && !(typeof status === "string" && (AFFILIATE_STATUSES as readonly string[]).includes(status))) return null;
  return { role, status: (status ?? null) as AffiliateStatus | null, claimsChanged: claimsChanged === true };
}

function access(role: Role, status: AffiliateStatus | null, source: Access["source"]): Access {
  return { role, status, isOwner: role === "owner", isActiveAffiliate: status === "active", source };
}

/**
 * Asks the server who the signed-in person is. The callable also syncs custom claims, so when it
 * says they changed the ID token is refreshed before any Firestore read relies on them. If the
 * callable is down, the profile read (allowed only to active affiliates) decides instead.
 */
export async function resolveAccess(deps: AccessDeps): Promise<Access> {
  let session: SessionResult | null = null;
  try {
    session = parseSessionResult(await deps.callSession());
  } catch {
    session = null;
  }
  if (session !== null) {
    if (session.claimsChanged) await deps.refreshIdToken();
    return access(session.role, session.status, "session");
  }

  const isOwner = await deps.hasOwnerClaim().catch(() => false);
  const read = await deps.readAffiliateStatus();
  const status = read === "denied" || read === "missing" ? null : read;
  return access(isOwner ? "owner" : status === null ? "none" : "affiliate", status, "fallback");
}
