import { describe, expect, it } from "vitest";
import { parseSettingsForm, settingsForm } from "./settings-form";

describe("settings form", () => {
  it("round-trips stored settings", () => {
    const stored = { name: "Lab", defaultRateBps: 4000, refundWindowDays: 14, cookieDays: 60, payoutThresholdMinor: 2500, discountCode: "HI", notifyEmails: ["a@x.test", "b@x.test"], recurringPolicy: { kind: "months" as const, limit: 12 } };
    expect(parseSettingsForm(settingsForm(stored))).toEqual({ ok: true, value: stored });
  });

  it("names every bad field", () => {
    const result = parseSettingsForm({ name: " ", defaultRateBps: "10001", refundWindowDays: "1.5", cookieDays: "0", payoutThresholdMinor: "-1", discountCode: "x".repeat(41), notifyEmails: "a@x.test, nope", recurringPolicy: { kind: "payments", limit: "0" } });
    expect(result.ok).toBe(false);
    expect(Object.keys(result.ok ? {} : result.errors).sort()).toEqual(["cookieDays", "defaultRateBps", "discountCode", "name", "notifyEmails", "payoutThresholdMinor", "recurringPolicy", "refundWindowDays"]);
  });

  it("keeps the recurring policy's limit only where it has one, and refuses a program without a policy", () => {
    const form = settingsForm(null);
    expect(form.recurringPolicy).toEqual({ kind: "every", limit: "" });
    expect(parseSettingsForm({ ...form, recurringPolicy: { kind: "first", limit: "7" } })).toMatchObject({ ok: true, value: { recurringPolicy: { kind: "first" } } });
    expect(parseSettingsForm({ ...form, recurringPolicy: { kind: "months", limit: " 3 " } })).toMatchObject({ ok: true, value: { recurringPolicy: { kind: "months", limit: 3 } } });
    expect(parseSettingsForm({ ...form, recurringPolicy: { kind: "months", limit: "1.5" } })).toEqual({ ok: false, errors: { recurringPolicy: "A whole number of months from 1 to 600." } });
    expect(parseSettingsForm({ ...form, recurringPolicy: { kind: "", limit: "" } })).toEqual({ ok: false, errors: { recurringPolicy: "Choose how long subscription payments earn." } });
  });
});
