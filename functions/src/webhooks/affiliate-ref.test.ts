import { describe, expect, it } from "vitest";
import { MAX_AFFILIATE_REF_LENGTH, readAffiliateRef, readAffiliateRefFromText } from "./affiliate-ref.js";

describe("readAffiliateRef", () => {
  it.each([
    [{ affiliateId: "a", aff: "b", ref: "c" }, { value: "a", field: "x.affiliateId" }],
    [{ aff: "b", ref: "c" }, { value: "b", field: "x.aff" }],
    [{ ref: " c " }, { value: "c", field: "x.ref" }],
    [{ affiliateId: "  ", aff: "b" }, { value: "b", field: "x.aff" }],
    [{ affiliateId: 42 }, { value: "42", field: "x.affiliateId" }],
    [{ affiliateId: 4.2 }, { value: null, field: null }],
    [{ affiliateId: { id: "a" } }, { value: null, field: null }],
    [{ affiliateId: "a".repeat(MAX_AFFILIATE_REF_LENGTH) }, { value: "a".repeat(MAX_AFFILIATE_REF_LENGTH), field: "x.affiliateId" }],
    // Too long to be an id, but a reference all the same: kept cut, so attribution calls it malformed.
    [{ affiliateId: "a".repeat(2000) }, { value: "a".repeat(MAX_AFFILIATE_REF_LENGTH + 1), field: "x.affiliateId" }],
    [{ AFF: "a" }, { value: null, field: null }],
    [null, { value: null, field: null }],
    [["a"], { value: null, field: null }],
    ["a", { value: null, field: null }],
  ])("%j → %j", (custom, expected) => {
    expect(readAffiliateRef(custom, "x")).toEqual(expected);
  });

  it("does not read inherited keys", () => {
    expect(readAffiliateRef(Object.create({ aff: "proto" }), "x")).toEqual({ value: null, field: null });
  });
});

describe("readAffiliateRefFromText", () => {
  it.each([
    ['{"aff":"a1"}', true, { value: "a1", field: "p (json).aff" }],
    ["a1", true, { value: "a1", field: "p" }],
    ["a1", false, { value: null, field: null }],
    ['"a1"', true, { value: "a1", field: "p" }],
    ["{broken", true, { value: null, field: null }],
    ["", true, { value: null, field: null }],
    ["[1]", true, { value: null, field: null }],
  ])("%j (bare %s) → %j", (text, bare, expected) => {
    expect(readAffiliateRefFromText(text, "p", bare)).toEqual(expected);
  });

  it("treats an absent field as no reference", () => {
    expect(readAffiliateRefFromText(undefined, "p", true)).toEqual({ value: null, field: null });
  });
});
