import { describe, expect, it } from "vitest";
import { mailDocIdOf, mailDocSchema } from "./mail-doc.js";
import { payoutEmails, type PayoutEmailInput } from "./payout-emails.js";

function input(overrides: Partial<PayoutEmailInput> = {}): PayoutEmailInput {
  return {
    programName: "Acme Courses",
    payoutId: "pay_01",
    affiliate: { id: "aff1", name: "Ana", email: "ana@aff.example" },
    amountMinor: 1234567, // $12,345.67
    currency: "USD",
    method: "PayPal",
    reference: "PP-7781",
    commissionCount: 3,
    paidAt: "2026-05-01T12:00:00Z",
    portalUrl: "https://acme.example/portal",
    ...overrides,
  };
}

function only(mails: ReturnType<typeof payoutEmails>) {
  expect(mails).toHaveLength(1);
  const [mail] = mails;
  if (mail === undefined) throw new Error("no mail");
  return mail;
}

describe("payoutEmails", () => {
  it("tells the affiliate the amount, method, reference and number of commissions", () => {
    const mail = only(payoutEmails(input()));
    expect(mail.doc.to).toEqual(["ana@aff.example"]);
    expect(mail.kind).toBe("payout-affiliate");
    expect(mail.subjectKey).toBe("pay_01");
    expect(mail.doc.message.subject).toBe("Acme Courses sent you a payout of $12,345.67");
    const text = mail.doc.message.text;
    expect(text).toContain("Acme Courses paid you $12,345.67 for 3 commissions.");
    expect(text).toContain("Method: PayPal");
    expect(text).toContain("Reference: PP-7781");
    expect(text).toContain("Commissions: 3");
    expect(text).toContain("Date: May 1, 2026");
  });

  it("uses the singular for one commission and omits a missing reference", () => {
    const text = only(payoutEmails(input({ commissionCount: 1, reference: null }))).doc.message.text;
    expect(text).toContain("for 1 commission.");
    expect(text).not.toContain("Reference");
  });

  it("formats zero-decimal and three-decimal currencies", () => {
    expect(only(payoutEmails(input({ amountMinor: 750, currency: "JPY" }))).doc.message.subject).toContain("¥750");
    expect(only(payoutEmails(input({ amountMinor: 1234, currency: "KWD" }))).doc.message.text).toContain("1.234");
  });

  it("escapes an owner-typed method and reference", () => {
    const html = only(payoutEmails(input({ method: "<script>steal()</script>", reference: "<i>r</i>" }))).doc.message.html;
    expect(html).not.toMatch(/<script>|<i>/);
    expect(html).toContain("&lt;script&gt;steal()&lt;/script&gt;");
  });

  it("produces a valid document with a deterministic id", () => {
    const mail = only(payoutEmails(input()));
    expect(mailDocSchema.safeParse(mail.doc).success).toBe(true);
    expect(mailDocIdOf(mail)).toBe(mailDocIdOf(only(payoutEmails(input()))));
  });
});
