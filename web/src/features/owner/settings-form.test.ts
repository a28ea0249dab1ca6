import { describe, expect, it } from "vitest";
import { parseSettingsForm, settingsForm } from "./settings-form";

describe("settings form", () => {
  it("round-trips stored settings", () => {
    const stored = { name: "Lab", defaultRateBps: 4000, refundWindowDays: 14, cookieDays: 60, payoutThresholdMinor: 2500, discountCode: "HI", notifyEmails: ["a@x.test", "b@x.test"] };
    expect(parseSettingsForm(settingsForm(stored))).toEqual({ ok: true, value: stored });
  });

  it("names every bad field", () => {
    const result = parseSettingsForm({ name: " ", defaultRateBps: "10001", refundWindowDays: "1.5", cookieDays: "0", payoutThresholdMinor: "-1", discountCode: "x".repeat(41), notifyEmails: "a@x.test, nope" });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["cookieDays", "defaultRateBps", "discountCode", "name", "notifyEmails", "payoutThresholdMinor", "refundWindowDays"]);
  });
});
