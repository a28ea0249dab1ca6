import { describe, expect, it } from "vitest";
import { mailDocId, mailDocSchema, normalizeRecipients, type MailDoc } from "./mail-doc.js";

const doc: MailDoc = {
  to: ["ana@aff.example"],
  message: { subject: "Hello", text: "Hi\n", html: "<p>Hi</p>" },
};

describe("mailDocId", () => {
  it("is a golden value: sanitized kind, dash, first 40 hex chars of sha256(kind NUL key NUL recipient)", () => {
    // printf 'sale-affiliate\0paddle_txn_01\0affiliate:aff1' | sha256sum
    expect(mailDocId("sale-affiliate", "paddle_txn_01", "affiliate:aff1")).toBe(
      "sale-affiliate-7c1a5f3c6c02633e1690ad1f5894286f60135a07",
    );
  });

  it("is deterministic and changes with each part", () => {
    const id = mailDocId("sale-owner", "o1", "owner");
    expect(mailDocId("sale-owner", "o1", "owner")).toBe(id);
    expect(mailDocId("sale-owner", "o2", "owner")).not.toBe(id);
    expect(mailDocId("sale-owner", "o1", "affiliate:a")).not.toBe(id);
    expect(mailDocId("refund-owner", "o1", "owner")).not.toBe(id);
  });

  it("keeps differently split parts apart", () => {
    expect(mailDocId("k", "a/b", "c")).not.toBe(mailDocId("k", "a", "b/c"));
  });

  it("sanitizes the kind into a safe id prefix", () => {
    expect(mailDocId("Sale / Owner!!", "o", "r")).toMatch(/^sale-owner-[0-9a-f]{40}$/);
    expect(mailDocId("__", "o", "r")).toMatch(/^mail-[0-9a-f]{40}$/);
    expect(mailDocId("../..", "o", "r")).not.toContain("/");
  });
});

describe("mailDocSchema", () => {
  it("accepts what we write", () => {
    expect(mailDocSchema.safeParse(doc).success).toBe(true);
  });

  it("rejects a document carrying the extension-owned delivery field", () => {
    expect(mailDocSchema.safeParse({ ...doc, delivery: { state: "PENDING", attempts: 0 } }).success).toBe(false);
  });

  it.each([
    ["no recipients", { ...doc, to: [] }],
    ["a comma-joined recipient list", { ...doc, to: ["a@x.example, b@y.example"] }],
    ["an address with a comma and more after it (the rules refuse it as a payout email too)", { ...doc, to: ["a@b.c,x"] }],
    ["a display-name recipient", { ...doc, to: ["Ana <ana@aff.example>"] }],
    ["a multi-line subject", { ...doc, message: { ...doc.message, subject: "Hi\r\nBcc: x@evil.example" } }],
    ["an empty subject", { ...doc, message: { ...doc.message, subject: "" } }],
    ["a missing html body", { ...doc, message: { subject: "Hello", text: "Hi" } }],
    ["an unknown message key", { ...doc, message: { ...doc.message, attachments: [] } }],
  ])("rejects %s", (_label, candidate) => {
    expect(mailDocSchema.safeParse(candidate).success).toBe(false);
  });
});

describe("normalizeRecipients", () => {
  it("trims, drops blanks and de-duplicates ignoring case", () => {
    expect(normalizeRecipients([" A@x.example ", "a@X.example", "", "b@y.example"])).toEqual([
      "A@x.example",
      "b@y.example",
    ]);
  });
});
