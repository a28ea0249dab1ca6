import type { AffiliateStatus } from "../../../../contracts/affiliates";
import type { CallableOutput } from "../../../../contracts/callables/index";

/** The `session` callable's answer, checked against its contract by the callable client. */
export type SessionResult = CallableOutput<"session">;
export type Role = SessionResult["role"];

export interface Access {
  role: Role;
  status: AffiliateStatus | null;
  isOwner: boolean;
  /** Only active affiliates may read their data under the security rules. */
  isActiveAffiliate: boolean;
  /** "fallback" when the session callable failed and the answer came from a profile read. */
  source: "session" | "fallback";
}

export interface AccessDeps {
  callSession: () => Promise<SessionResult>;
  refreshIdToken: () => Promise<void>;
  hasOwnerClaim: () => Promise<boolean>;
  readAffiliateStatus: () => Promise<AffiliateStatus | "denied" | "missing">;
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
  let session: SessionResult | null;
  try {
    session = await deps.callSession();
  } catch {
    // Unreachable, refused, or an answer not in the contract's shape: the profile read decides.
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
