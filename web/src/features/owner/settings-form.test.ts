import { describe, expect, it } from "vitest";
import { parseSettingsForm, settingsForm } from "./settings-form";

describe("settings form", () => {
  const stored = { name: "Lab", defaultRateBps: 1250, refundWindowDays: 14, cookieDays: 60, currency: "EUR", payoutThresholdMinor: 2500, discountCode: "HI", notifyEmails: ["a@x.test", "b@x.test"], recurringPolicy: { kind: "months" as const, limit: 12 } };

  it("shows rates in percent and money in the program's currency", () => {
    expect(settingsForm(stored)).toMatchObject({ defaultRateBps: "12.5", payoutThresholdMinor: "25.00", refundWindowDays: "14", currency: "EUR" });
    expect(settingsForm({ ...stored, currency: "JPY", payoutThresholdMinor: 5000 }).payoutThresholdMinor).toBe("5000");
  });

  it("round-trips stored settings", () => {
    expect(parseSettingsForm(settingsForm(stored))).toEqual({ ok: true, value: stored });
  });

  it("stores what the owner types as basis points and minor units", () => {
    const typed = { ...settingsForm(stored), defaultRateBps: "33.33%", payoutThresholdMinor: "100", currency: "usd" };
    expect(parseSettingsForm(typed)).toEqual({ ok: true, value: { ...stored, defaultRateBps: 3333, payoutThresholdMinor: 10_000, currency: "USD" } });
  });

  it("names every bad field", () => {
    const result = parseSettingsForm({ name: " ", defaultRateBps: "100.01", refundWindowDays: "1.5", cookieDays: "0", currency: "EUR", payoutThresholdMinor: "10.001", discountCode: "x".repeat(41), notifyEmails: "a@x.test, nope", recurringPolicy: { kind: "payments", limit: "0" } });
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

  it("refuses an unknown currency without blaming the amount", () => {
    const result = parseSettingsForm({ ...settingsForm(stored), currency: "XTS" });
    expect(result).toEqual({ ok: false, errors: { currency: expect.stringContaining("ISO") } });
  });
});
