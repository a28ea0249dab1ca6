import { describe, expect, it } from "vitest";
import { normaliseProfile, validateProfile } from "./validate-profile";

describe("validateProfile", () => {
  it("accepts empty and valid values", () => {
    expect(validateProfile({ displayName: "", payoutEmail: "" })).toEqual({});
    expect(validateProfile({ displayName: "Ada", payoutEmail: "pay@ada.dev" })).toEqual({});
  });

  it("limits the display name to 80 UTF-16 units", () => {
    expect(validateProfile({ displayName: "a".repeat(80), payoutEmail: "" })).toEqual({});
    expect(validateProfile({ displayName: "😀".repeat(40), payoutEmail: "" })).toEqual({});
    expect(validateProfile({ displayName: "😀".repeat(41), payoutEmail: "" }).displayName).toBe("Use at most 80 characters.");
    expect(validateProfile({ displayName: "a".repeat(81), payoutEmail: "" }).displayName).toBe("Use at most 80 characters.");
  });

  it("rejects a malformed payout email", () => {
    expect(validateProfile({ displayName: "", payoutEmail: "pay at ada" }).payoutEmail).toMatch(/email address/);
  });

  it("trims before validating", () => {
    expect(normaliseProfile({ displayName: "  Ada ", payoutEmail: " p@ada.dev " })).toEqual({ displayName: "Ada", payoutEmail: "p@ada.dev" });
  });
});
