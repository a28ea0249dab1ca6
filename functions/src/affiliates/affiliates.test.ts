import { describe, expect, it } from "vitest";
import { applicationSchema } from "./application.js";
import { checkSlug, suggestSlug } from "./slug.js";
import { becameActive, nextStatus } from "./status.js";

describe("applicationSchema", () => {
  const valid = { name: " Ada ", email: "Ada@Example.COM", website: "https://ada.dev", promotion: "A newsletter of 5,000 developers." };

  it("trims and lower-cases the email", () => {
    expect(applicationSchema.parse(valid)).toEqual({ ...valid, name: "Ada", email: "ada@example.com" });
  });

  it.each([
    ["a missing name", { ...valid, name: "  " }],
    ["a bad email", { ...valid, email: "ada@" }],
    ["a non-web URL", { ...valid, website: "javascript:alert(1)" }],
    ["a host without a dot", { ...valid, website: "http://localhost" }],
    ["a short promotion", { ...valid, promotion: "blog" }],
    ["an unknown field", { ...valid, status: "active" }],
  ])("refuses %s", (_label, input) => {
    expect(applicationSchema.safeParse(input).success).toBe(false);
  });
});

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

describe("nextStatus", () => {
  it("follows the allowed transitions only", () => {
    expect(nextStatus("pending", "approve")).toBe("active");
    expect(nextStatus("rejected", "approve")).toBe("active");
    expect(nextStatus("pending", "reject")).toBe("rejected");
    expect(nextStatus("active", "disable")).toBe("disabled");
    expect(nextStatus("disabled", "enable")).toBe("active");
    expect(nextStatus("active", "approve")).toBeNull();
    expect(nextStatus("active", "reject")).toBeNull();
    expect(nextStatus("disabled", "approve")).toBeNull();
    expect(nextStatus("rejected", "enable")).toBeNull();
  });

  it("sends the welcome email on the change to active only", () => {
    expect(becameActive(null, "active")).toBe(true);
    expect(becameActive("pending", "active")).toBe(true);
    expect(becameActive("active", "active")).toBe(false);
    expect(becameActive("active", "disabled")).toBe(false);
    expect(becameActive("pending", "rejected")).toBe(false);
  });
});
