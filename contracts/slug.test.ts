import { describe, expect, it } from "vitest";
import { checkSlug, suggestSlug } from "./slug.js";

describe("checkSlug", () => {
  it("normalises case and spaces", () => {
    expect(checkSlug("  Ada-Lovelace ")).toEqual({ ok: true, slug: "ada-lovelace" });
  });

  it.each(["ab", "-ada", "ada-", "a--b", "ada lovelace", "admin", "aff-123", "x".repeat(33), "ädä"])("refuses %j", (input) => {
    expect(checkSlug(input).ok).toBe(false);
  });
});

describe("suggestSlug", () => {
  it("makes a valid slug from any name", () => {
    expect(suggestSlug("Ada Lovelace")).toBe("ada-lovelace");
    expect(suggestSlug("Zoë  O'Brien")).toBe("zoe-o-brien");
    expect(suggestSlug("Al")).toBe("al-x");
    expect(suggestSlug("")).toBe("partner-xxx");
    for (const name of ["Ada Lovelace", "Zoë  O'Brien", "Al", "", "x".repeat(50), "李小龍"]) expect(checkSlug(suggestSlug(name)).ok).toBe(true);
  });
});
