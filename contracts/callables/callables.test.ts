import { describe, expect, it } from "vitest";
import { callables } from "./index.js";

describe("apply input", () => {
  const valid = { name: " Ada ", email: "Ada@Example.COM", website: "https://ada.dev", promotion: "A newsletter of 5,000 developers." };

  it("trims and lower-cases the email", () => {
    expect(callables.apply.input.parse(valid)).toEqual({ ...valid, name: "Ada", email: "ada@example.com" });
  });

  it.each([
    ["a missing name", { ...valid, name: "  " }],
    ["a bad email", { ...valid, email: "ada@" }],
    ["a non-web URL", { ...valid, website: "javascript:alert(1)" }],
    ["a host without a dot", { ...valid, website: "http://localhost" }],
    ["a short promotion", { ...valid, promotion: "blog" }],
    ["an unknown field", { ...valid, status: "active" }],
  ])("refuses %s", (_label, input) => {
    expect(callables.apply.input.safeParse(input).success).toBe(false);
  });
});

describe("updateAffiliate input", () => {
  const terms = { affiliateId: "aff_ada01", rateBps: null, cookieDays: null, discountCode: "", slug: " Ada-Lovelace " };

  it("lower-cases the slug and turns blanks into null", () => {
    expect(callables.updateAffiliate.input.parse(terms)).toEqual({ ...terms, discountCode: null, discountIds: { paddle: null }, codeOnlyApproval: false, courseRates: {}, recurringPolicy: null, slug: "ada-lovelace", note: "" });
    expect(callables.updateAffiliate.input.parse({ ...terms, slug: "" }).slug).toBeNull();
  });

  it("names the slug rule that failed", () => {
    const result = callables.updateAffiliate.input.safeParse({ ...terms, slug: "admin" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([expect.objectContaining({ path: ["slug"], message: "This word is reserved." })]);
  });
});

describe("inputs without fields", () => {
  it("session and payableNow take null, as the portal sends it", () => {
    expect(callables.session.input.parse(null)).toBeNull();
    expect(callables.payableNow.input.parse(null)).toEqual({});
    expect(callables.payableNow.input.safeParse({ extra: 1 }).success).toBe(false);
  });
});

describe("outputs", () => {
  it("describe the answers, so a client can check them", () => {
    const row = { affiliateId: "a1", currency: "USD", payableMinor: 5000, pendingMinor: 0, flaggedMinor: 0, name: "Ada", payoutEmail: "ada@x.test", status: "active" };
    expect(callables.payableNow.output.parse({ today: "2026-03-01", thresholdMinor: 5000, rows: [row] }).rows).toEqual([row]);
    expect(callables.payableNow.output.safeParse({ today: "2026-03-01", thresholdMinor: 50.5, rows: [] }).success).toBe(false);
    expect(callables.session.output.safeParse({ role: "admin", status: null, claimsChanged: false }).success).toBe(false);
  });
});
