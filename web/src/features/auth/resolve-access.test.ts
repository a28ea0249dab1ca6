import { describe, expect, it } from "vitest";
import { parseSessionResult, resolveAccess, type AccessDeps } from "./resolve-access";

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

describe("parseSessionResult", () => {
  it("accepts the documented shape and rejects others", () => {
    expect(parseSessionResult({ role: "affiliate", status: "active", claimsChanged: true })).toEqual({ role: "affiliate", status: "active", claimsChanged: true });
    expect(parseSessionResult({ role: "none", status: null })).toEqual({ role: "none", status: null, claimsChanged: false });
    expect(parseSessionResult({ role: "admin", status: null, claimsChanged: false })).toBeNull();
    expect(parseSessionResult({ role: "affiliate", status: "banned", claimsChanged: false })).toBeNull();
    expect(parseSessionResult(null)).toBeNull();
  });
});

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

  it("falls back when the callable answers nonsense, and lets read failures surface", async () => {
    expect(await resolveAccess(deps({ callSession: async () => "ok", readAffiliateStatus: async () => "active" }))).toMatchObject({ source: "fallback", isActiveAffiliate: true });
    await expect(resolveAccess(deps({ callSession: async () => null, readAffiliateStatus: () => Promise.reject(new Error("offline")) }))).rejects.toThrow("offline");
  });
});
