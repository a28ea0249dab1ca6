import { describe, expect, test } from "vitest";
import { refusal, signInMethodOf } from "./sign-in-policy.js";

describe("signInMethodOf", () => {
  test.each([
    ["providers/cloud.auth/eventTypes/user.beforeSignIn:emailLink", "emailLink"],
    ["providers/cloud.auth/eventTypes/user.beforeCreate:password", "password"],
    ["providers/cloud.auth/eventTypes/user.beforeSignIn:google.com", "google.com"],
  ])("reads the method from %s", (eventType, method) => {
    expect(signInMethodOf({ eventType })).toBe(method);
  });

  test("falls back on the credential, and is null when nothing names a method", () => {
    expect(signInMethodOf({ eventType: "providers/cloud.auth/eventTypes/user.beforeSignIn", credential: { signInMethod: "github.com" } })).toBe("github.com");
    expect(signInMethodOf({ eventType: "providers/cloud.auth/eventTypes/user.beforeSignIn", credential: null })).toBeNull();
  });
});

describe("refusal", () => {
  test("email link passes", () => {
    expect(refusal("emailLink")).toBeNull();
  });

  test.each(["password", "phone", "anonymous", "google.com", "custom", "", null])("%j is refused with a message that says how to sign in", (method) => {
    expect(refusal(method)).toMatch(/link we email you/);
  });
});
