import { describe, expect, it } from "vitest";
import { resolveAccess, type AccessDeps } from "./resolve-access";

function deps(overrides: Partial<AccessDeps> & { log?: string[] }): AccessDeps {
  const log = overrides.log ?? [];
  return {
    callSession: overrides.callSession ?? (async () => ({ role: "none", status: null, claimsChanged: false })),
    refreshIdToken: overrides.refreshIdToken ?? (async () => void log.push("refresh")),
    hasOwnerClaim: overrides.hasOwnerClaim ?? (async () => false),
    readAffiliateStatus:
      overrides.readAffiliateStatus ??
      (async () => {
        log.push("read");
        return "denied";
      }),
  };
}

describe("resolveAccess", () => {
  it("uses the session answer and refreshes the token only when claims changed", async () => {
    const log: string[] = [];
    const changed = await resolveAccess(deps({ log, callSession: async () => ({ role: "owner", status: null, claimsChanged: true }) }));
    expect(changed).toEqual({ role: "owner", status: null, isOwner: true, isActiveAffiliate: false, source: "session" });
    expect(log).toEqual(["refresh"]);

    const log2: string[] = [];
    const active = await resolveAccess(deps({ log: log2, callSession: async () => ({ role: "affiliate", status: "active", claimsChanged: false }) }));
    expect(active.isActiveAffiliate).toBe(true);
    expect(log2).toEqual([]);
  });

  it("keeps the status of people who are not active", async () => {
    const pending = await resolveAccess(deps({ callSession: async () => ({ role: "affiliate", status: "pending", claimsChanged: false }) }));
    expect(pending).toMatchObject({ role: "affiliate", status: "pending", isActiveAffiliate: false });
  });

  it("falls back to the profile read when the callable fails", async () => {
    const log: string[] = [];
    const failing = async () => {
      throw new Error("functions/unavailable");
    };
    expect(await resolveAccess(deps({ log, callSession: failing }))).toEqual({ role: "none", status: null, isOwner: false, isActiveAffiliate: false, source: "fallback" });
    expect(log).toEqual(["read"]);
    expect(await resolveAccess(deps({ callSession: failing, readAffiliateStatus: async () => "active" }))).toMatchObject({ role: "affiliate", isActiveAffiliate: true });
    expect(await resolveAccess(deps({ callSession: failing, hasOwnerClaim: async () => true }))).toMatchObject({ role: "owner", isOwner: true, isActiveAffiliate: false });
  });

  it("falls back when the answer is not in the contract's shape, and lets read failures surface", async () => {
    // The callable client refuses such an answer (see lib/callable-contract.test.ts) with this code.
    const unreadable = () => Promise.reject(Object.assign(new Error("not in the expected shape"), { code: "functions/unexpected-answer" }));
    expect(await resolveAccess(deps({ callSession: unreadable, readAffiliateStatus: async () => "active" }))).toMatchObject({ source: "fallback", isActiveAffiliate: true });
    await expect(resolveAccess(deps({ callSession: unreadable, readAffiliateStatus: () => Promise.reject(new Error("offline")) }))).rejects.toThrow("offline");
  });
});
