import { describe, expect, it } from "vitest";
import { decideOwner } from "./access.js";
import { clockOf } from "./clock.js";

const owners = ["Owner@Demo.test"];
const token = (extra: Record<string, unknown>) => ({ uid: "u1", token: { email: "owner@demo.test", email_verified: true, owner: true, ...extra } });

describe("decideOwner", () => {
  it("accepts a verified, configured owner holding the claim", () => {
    expect(decideOwner(token({}), owners)).toEqual({ ok: true, owner: { uid: "u1", email: "owner@demo.test" } });
  });

  it("refuses the unauthenticated", () => {
    expect(decideOwner(undefined, owners)).toEqual({ ok: false, code: "unauthenticated" });
  });

  it.each([
    ["no claim", { owner: undefined }],
    ["a string claim", { owner: "true" }],
    ["an unverified email", { email_verified: false }],
    ["an email no longer configured", { email: "former@demo.test" }],
    ["no email", { email: undefined }],
  ])("refuses %s", (_label, extra) => {
    expect(decideOwner(token(extra), owners)).toEqual({ ok: false, code: "permission-denied" });
  });
});

describe("clockOf", () => {
  const server = new Date("2026-03-01T12:00:00.000Z");
  it("uses asOf only on the emulators", () => {
    expect(clockOf("2027-01-01T00:00:00.000Z", true, server).toISOString()).toBe("2027-01-01T00:00:00.000Z");
    expect(clockOf("2027-01-01T00:00:00.000Z", false, server)).toBe(server);
    expect(clockOf(undefined, true, server)).toBe(server);
    expect(clockOf("not a date", true, server)).toBe(server);
  });
});
