import { describe, expect, it } from "vitest";
import { attribute, isAffiliateIdShape, manualAttribution, type AffiliateCandidate } from "./attribution.js";

const alice: AffiliateCandidate = { id: "alice_01", status: "active", email: "Alice@Example.com", rateBps: null, courseRates: {}, codeOnlyApproval: false };
const ref = (value: string | null) => ({ value, field: value === null ? null : "custom_data.aff" });

describe("isAffiliateIdShape", () => {
  it.each(["abc", "Alice-01", "a_b", "x".repeat(64)])("accepts %s", (id) => {
    expect(isAffiliateIdShape(id)).toBe(true);
  });
  it.each(["ab", "x".repeat(65), "a b", "a/b", "a.b", "ä12", "", "abc\n", "__x__", "____", ".", ".."])("rejects %j", (id) => {
    expect(isAffiliateIdShape(id)).toBe(false);
  });
});

describe("attribute", () => {
  it("credits an active affiliate named in the payload", () => {
    expect(attribute({ ref: ref("alice_01"), candidate: alice, customerEmail: "buyer@example.com", test: false })).toEqual({
      affiliateId: "alice_01",
      candidate: "alice_01",
      field: "custom_data.aff",
      rule: "payload_ref",
      reason: null,
      selfReferral: false,
      by: null,
      discountCode: null,
      codeAffiliateId: null,
      codeApproval: false,
    });
  });

  it("reports a missing reference (W-27)", () => {
    const a = attribute({ ref: ref(null), candidate: null, customerEmail: null, test: false });
    expect(a).toMatchObject({ affiliateId: null, candidate: null, rule: "none", reason: "missing" });
    expect(attribute({ ref: { value: "  ", field: "f" }, candidate: null, customerEmail: null, test: false }).reason).toBe("missing");
  });

  it("reports a malformed reference, cut to 64 characters", () => {
    const a = attribute({ ref: ref(`<script>${"x".repeat(100)}`), candidate: null, customerEmail: null, test: false });
    expect(a.reason).toBe("malformed");
    expect(a.affiliateId).toBeNull();
    expect(a.candidate).toHaveLength(64);
  });

  it("reports an unknown affiliate (W-28), ids being case-sensitive", () => {
    expect(attribute({ ref: ref("nobody"), candidate: null, customerEmail: null, test: false })).toMatchObject({
      affiliateId: null,
      candidate: "nobody",
      reason: "unknown",
    });
    expect(attribute({ ref: ref("ALICE_01"), candidate: alice, customerEmail: null, test: false }).reason).toBe("unknown");
  });

  it.each(["pending", "disabled", "rejected"] as const)("does not credit a %s affiliate", (status) => {
    const a = attribute({ ref: ref("alice_01"), candidate: { ...alice, status }, customerEmail: null, test: false });
    expect(a).toMatchObject({ affiliateId: null, candidate: "alice_01", reason: "inactive" });
  });

  it("resolves a test event but credits nobody", () => {
    const a = attribute({ ref: ref("alice_01"), candidate: alice, customerEmail: null, test: true });
    expect(a).toMatchObject({ affiliateId: null, candidate: "alice_01", reason: "test" });
    expect(attribute({ ref: ref("nobody"), candidate: null, customerEmail: null, test: true }).reason).toBe("unknown");
  });

  it("flags a self-referral, comparing emails trimmed and case-insensitively (W-29)", () => {
    const a = attribute({ ref: ref("alice_01"), candidate: alice, customerEmail: "  alice@EXAMPLE.com ", test: false });
    expect(a).toMatchObject({ affiliateId: "alice_01", selfReferral: true });
    expect(attribute({ ref: ref("alice_01"), candidate: alice, customerEmail: null, test: false }).selfReferral).toBe(false);
    expect(
      attribute({ ref: ref("alice_01"), candidate: { ...alice, email: null }, customerEmail: "alice@example.com", test: false }).selfReferral,
    ).toBe(false);
    expect(attribute({ ref: ref("alice_01"), candidate: { ...alice, email: " " }, customerEmail: "", test: false }).selfReferral).toBe(false);
  });
});

describe("attribute with a discount code", () => {
  const bob: AffiliateCandidate = { ...alice, id: "bob_02", email: "bob@example.com" };
  const code = (candidate: AffiliateCandidate | null) => ({ code: "BOB10", candidate });

  it("credits the code's affiliate when the sale names nobody, as a code-only sale", () => {
    expect(attribute({ ref: ref(null), candidate: null, code: code(bob), customerEmail: "buyer@example.com", test: false })).toEqual({
      affiliateId: "bob_02",
      candidate: null,
      field: null,
      rule: "discount_code",
      reason: null,
      selfReferral: false,
      by: null,
      discountCode: "BOB10",
      codeAffiliateId: "bob_02",
      codeApproval: false,
    });
  });

  it.each([
    ["malformed", ref("not an id!"), null],
    ["unknown", ref("nobody"), null],
    ["inactive", ref("alice_01"), { ...alice, status: "disabled" as const }],
  ])("credits the code over a %s reference, keeping the reference on the receipt", (_reason, r, candidate) => {
    const a = attribute({ ref: r, candidate, code: code(bob), customerEmail: null, test: false });
    expect(a).toMatchObject({ affiliateId: "bob_02", rule: "discount_code", candidate: r.value, field: "custom_data.aff", discountCode: "BOB10" });
  });

  it("lets the link win when the link and the code name different affiliates, showing both", () => {
    const a = attribute({ ref: ref("alice_01"), candidate: alice, code: code(bob), customerEmail: null, test: false });
    expect(a).toMatchObject({ affiliateId: "alice_01", rule: "payload_ref", discountCode: "BOB10", codeAffiliateId: "bob_02", codeApproval: false });
  });

  it("holds a code-only sale for approval when the affiliate asks for it, never a linked one", () => {
    const strict = { ...bob, codeOnlyApproval: true };
    expect(attribute({ ref: ref(null), candidate: null, code: code(strict), customerEmail: null, test: false })).toMatchObject({ affiliateId: "bob_02", codeApproval: true });
    expect(attribute({ ref: ref("bob_02"), candidate: strict, code: code(strict), customerEmail: null, test: false })).toMatchObject({ affiliateId: "bob_02", rule: "payload_ref", codeApproval: false });
  });

  it("credits nobody for a code of nobody or of an inactive affiliate, a test sale, but keeps the code", () => {
    expect(attribute({ ref: ref(null), candidate: null, code: code(null), customerEmail: null, test: false })).toMatchObject({ affiliateId: null, reason: "missing", discountCode: "BOB10", codeAffiliateId: null });
    expect(attribute({ ref: ref(null), candidate: null, code: code({ ...bob, status: "pending" }), customerEmail: null, test: false })).toMatchObject({ affiliateId: null, reason: "missing" });
    expect(attribute({ ref: ref(null), candidate: null, code: code(bob), customerEmail: null, test: true })).toMatchObject({ affiliateId: null, rule: "discount_code", reason: "test", codeApproval: false });
  });

  it("flags a code-only self-referral against the code's affiliate", () => {
    expect(attribute({ ref: ref(null), candidate: null, code: code(bob), customerEmail: "BOB@example.com", test: false })).toMatchObject({ affiliateId: "bob_02", selfReferral: true });
  });
});

describe("manualAttribution", () => {
  it("records the owner's choice", () => {
    expect(manualAttribution("bob_02", "owner-uid")).toEqual({
      affiliateId: "bob_02",
      candidate: "bob_02",
      field: null,
      rule: "manual",
      reason: null,
      selfReferral: false,
      by: "owner-uid",
      discountCode: null,
      codeAffiliateId: null,
      codeApproval: false,
    });
  });
  it("refuses a malformed id", () => {
    expect(() => manualAttribution("a/b", "owner-uid")).toThrow(RangeError);
  });
});
