import { describe, expect, it } from "vitest";
import { programSettings, programSettingsSchema } from "./program-settings.js";

describe("programSettings", () => {
  const defaults = programSettingsSchema.parse({});

  it("gives a working program without a document", () => {
    expect(programSettings(undefined)).toEqual(defaults);
    expect(defaults).toMatchObject({ defaultRateBps: 5000, refundWindowDays: 30, cookieDays: 30, payoutThresholdMinor: 5000 });
  });

  it("keeps the valid fields of a document and defaults only the broken ones", () => {
    expect(programSettings({ name: "Courses", defaultRateBps: 3000, refundWindowDays: -1, notifyEmails: ["not an email"] })).toEqual({
      ...defaults,
      name: "Courses",
      defaultRateBps: 3000,
    });
    expect(programSettings("nonsense")).toEqual(defaults);
  });
});
