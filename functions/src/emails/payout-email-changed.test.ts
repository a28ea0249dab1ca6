import { describe, expect, it } from "vitest";
import { payoutEmailChange } from "../affiliates/payout-email-change.js";
import { readAffiliate, type AffiliateRecord } from "../affiliates/record.js";
import { mailDocIdOf, mailDocSchema } from "./mail-doc.js";
import { payoutEmailChangedEmail } from "./payout-email-changed.js";

const input = { programName: "Acme Courses", affiliate: { id: "aff1", name: "Ana", email: "ana@aff.example" }, from: "ana@aff.example", to: "thief@evil.example", changeKey: "evt-1", portalUrl: "https://acme.example" };

describe("payoutEmailChangedEmail", () => {
  it("goes to the sign-in address, with both addresses and what to do if it was not them", () => {
    const [mail, ...rest] = payoutEmailChangedEmail(input);
    expect(rest).toEqual([]);
    expect(mail?.doc.to).toEqual(["ana@aff.example"]);
    expect(mail?.doc.message.subject).toBe("Acme Courses: your payout email was changed");
    expect(mail?.doc.message.text).toContain("thief@evil.example");
    expect(mail?.doc.message.text).toContain("If you did not");
    expect(mailDocSchema.safeParse(mail?.doc).success).toBe(true);
  });

  it("has one id per change, so a retried trigger queues it once and the next change mails again", () => {
    const id = (changeKey: string) => payoutEmailChangedEmail({ ...input, changeKey }).map(mailDocIdOf).join();
    expect(id("evt-1")).toBe(id("evt-1"));
    expect(id("evt-2")).not.toBe(id("evt-1"));
  });
});

const affiliate = (fields: Record<string, unknown>): AffiliateRecord =>
  readAffiliate({ email: "ana@aff.example", name: "Ana", status: "active", payoutEmail: "", ...fields }, "aff1");

describe("payoutEmailChange", () => {
  it("compares where payouts go: an empty payout email means the sign-in email", () => {
    expect(payoutEmailChange(affiliate({ payoutEmail: "" }), affiliate({ payoutEmail: "new@x.example" }))).toEqual({ from: "ana@aff.example", to: "new@x.example" });
    expect(payoutEmailChange(affiliate({ payoutEmail: "new@x.example" }), affiliate({ payoutEmail: "" }))).toEqual({ from: "new@x.example", to: "ana@aff.example" });
    expect(payoutEmailChange(affiliate({ payoutEmail: "" }), affiliate({ payoutEmail: "ANA@aff.example" }))).toBeNull();
    expect(payoutEmailChange(affiliate({ displayName: "A" }), affiliate({ displayName: "B" }))).toBeNull();
  });

  it("ignores creation and deletion", () => {
    expect(payoutEmailChange(null, affiliate({}))).toBeNull();
    expect(payoutEmailChange(affiliate({}), null)).toBeNull();
  });
});
