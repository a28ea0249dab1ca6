import { describe, expect, it } from "vitest";
import { linkProblem } from "./sign-in-errors";

describe("linkProblem", () => {
  it.each([
    ["auth/invalid-action-code", "This link has already been used"],
    ["auth/expired-action-code", "This link has expired"],
    ["auth/invalid-email", "That email does not match this link"],
    ["not-a-link", "This is not a sign-in link"],
    ["auth/network-request-failed", "No connection"],
    ["auth/internal-error", "We could not sign you in"],
    [null, "We could not sign you in"],
  ])("%s → %s", (code, title) => {
    expect(linkProblem(code).title).toBe(title);
  });
});
