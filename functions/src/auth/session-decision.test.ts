import { describe, expect, test } from "vitest";
import { decideSession, isListedOwner, unlistedOwners } from "./session-decision.js";

const base = { email: "Owner@Example.com", verified: true, hasPassword: false, ownerEmails: ["owner@example.com"], affiliateStatus: null, currentOwnerClaim: false };

describe("decideSession", () => {
  test("a verified listed address without a password is the owner", () => {
    expect(decideSession(base).answer).toEqual({ role: "owner", status: null, claimsChanged: true });
  });

  test("the same address on an account with a password is not, and an existing claim is to be cleared", () => {
    expect(decideSession({ ...base, hasPassword: true, currentOwnerClaim: true }).answer).toEqual({ role: "none", status: null, claimsChanged: true });
  });

  test("an unverified or unlisted address is not the owner", () => {
    expect(decideSession({ ...base, verified: false }).answer.role).toBe("none");
    expect(decideSession({ ...base, ownerEmails: ["other@example.com"] }).answer.role).toBe("none");
  });

  test("an active affiliate with a password stays an affiliate (the sign-in itself was by link)", () => {
    expect(decideSession({ ...base, ownerEmails: [], hasPassword: true, affiliateStatus: "active" }).answer.role).toBe("affiliate");
  });
});

test("isListedOwner ignores case and blanks", () => {
  expect(isListedOwner(" OWNER@example.com", ["owner@example.com "])).toBe(true);
  expect(isListedOwner(null, ["owner@example.com"])).toBe(false);
  expect(isListedOwner("owner@example.com.evil", ["owner@example.com"])).toBe(false);
});

test("unlistedOwners keeps the records whose address left OWNER_EMAILS", () => {
  const records = [
    { uid: "a", email: "owner@example.com" },
    { uid: "b", email: "former@example.com" },
  ];
  expect(unlistedOwners(records, ["OWNER@example.com"])).toEqual([{ uid: "b", email: "former@example.com" }]);
  expect(unlistedOwners(records, [])).toEqual(records);
});
