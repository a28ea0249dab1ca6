import { describe, expect, it } from "vitest";
import { mailDocIdOf, mailDocSchema, type ComposedMail } from "./mail-doc.js";
import { refundEmails, type RefundEmailInput } from "./refund-emails.js";

function input(overrides: Partial<RefundEmailInput> = {}): RefundEmailInput {
  return {
    programName: "Acme Courses",
    orderKey: "paddle_txn_01",
    eventKey: "adj_01",
    courseName: "TypeScript Deep Dive",
    at: "2026-03-10T08:00:00Z",
    change: { kind: "refund", full: false, refundedMinor: 2000, currency: "USD" }, // $20.00
    previousCommissionMinor: 4850, // $48.50
    commissionMinor: 3850, // $38.50
    commissionCurrency: "USD",
    affiliate: { id: "aff1", name: "Ana", email: "ana@aff.example" },
    test: false,
    customerEmail: "buyer@customer.example",
    ownerEmails: ["owner@acme.example"],
    portalUrl: "https://acme.example/portal",
    ...overrides,
  };
}

function byKind(mails: ComposedMail[], kind: string): ComposedMail {
  const mail = mails.find((m) => m.kind === kind);
  if (mail === undefined) throw new Error(`no ${kind} mail among ${mails.map((m) => m.kind).join(", ")}`);
  return mail;
}

describe("refundEmails", () => {
  it("tells the affiliate what a partial refund took back and the new commission", () => {
    const mail = byKind(refundEmails(input()), "refund-affiliate");
    expect(mail.doc.to).toEqual(["ana@aff.example"]);
    expect(mail.doc.message.subject).toBe("Partial refund: TypeScript Deep Dive, your commission is now $38.50");
    expect(mail.doc.message.text).toContain(
      "A partial refund of $20.00 was issued for a sale of TypeScript Deep Dive. $10.00 of your commission was taken back.",
    );
    expect(mail.doc.message.text).toContain("Commission before: $48.50");
    expect(mail.doc.message.text).toContain("Commission now: $38.50");
    expect(JSON.stringify(mail.doc)).not.toContain("customer.example");
  });

  it("words a full refund", () => {
    const mails = refundEmails(
      input({ change: { kind: "refund", full: true, refundedMinor: 9700, currency: "USD" }, commissionMinor: 0 }),
    );
    expect(byKind(mails, "refund-affiliate").doc.message.text).toContain("$48.50 of your commission was taken back.");
    expect(byKind(mails, "refund-owner").doc.message.subject).toBe("Full refund: TypeScript Deep Dive ($97.00)");
  });

  it("tells both sides about a chargeback being opened and then reversed, as two different emails", () => {
    const opened = refundEmails(
      input({ eventKey: "cb_1/open", change: { kind: "chargeback", state: "open" }, commissionMinor: 0 }),
    );
    const reversed = refundEmails(
      input({
        eventKey: "cb_1/reversed",
        change: { kind: "chargeback", state: "reversed" },
        previousCommissionMinor: 0,
        commissionMinor: 4850,
      }),
    );
    const openedMail = byKind(opened, "chargeback-affiliate");
    expect(openedMail.doc.message.subject).toBe("Chargeback opened: TypeScript Deep Dive, your commission is now $0.00");
    expect(openedMail.doc.message.text).toContain("$48.50 of your commission was taken back.");
    const reversedMail = byKind(reversed, "chargeback-affiliate");
    expect(reversedMail.doc.message.text).toContain("$48.50 of your commission was restored.");
    expect(byKind(reversed, "chargeback-owner").doc.message.subject).toBe("Chargeback reversed: TypeScript Deep Dive");
    expect(mailDocIdOf(openedMail)).not.toBe(mailDocIdOf(reversedMail));
  });

  it("gives the owner the customer, the affiliate and the commission change", () => {
    const mail = byKind(refundEmails(input()), "refund-owner");
    expect(mail.doc.to).toEqual(["owner@acme.example"]);
    expect(mail.doc.message.subject).toBe("Partial refund: TypeScript Deep Dive ($20.00)");
    expect(mail.doc.message.text).toContain("$10.00 of Ana's commission was taken back.");
    expect(mail.doc.message.text).toContain("Customer: buyer@customer.example");
    expect(mail.doc.message.text).toContain("Affiliate: Ana <ana@aff.example>");
  });

  it("sends only the owner's email for an unattributed order, without commission lines", () => {
    const mails = refundEmails(input({ affiliate: null, previousCommissionMinor: 0, commissionMinor: 0 }));
    expect(mails.map((m) => m.kind)).toEqual(["refund-owner"]);
    expect(byKind(mails, "refund-owner").doc.message.text).not.toContain("Commission");
    expect(byKind(mails, "refund-owner").doc.message.text).toContain("Affiliate: Unattributed");
  });

  it("does not write to the affiliate when the commission did not change", () => {
    const mails = refundEmails(input({ previousCommissionMinor: 0, commissionMinor: 0 }));
    expect(mails.map((m) => m.kind)).toEqual(["refund-owner"]);
  });

  it("sends nothing for a test event", () => {
    expect(refundEmails(input({ test: true }))).toEqual([]);
  });

  it("escapes a course title and a name in HTML", () => {
    const mails = refundEmails(
      input({ courseName: "<script>x()</script>", affiliate: { id: "a", name: "<b>Bo</b>", email: "bo@aff.example" } }),
    );
    for (const mail of mails) {
      expect(mail.doc.message.html).not.toMatch(/<script>|<b>/);
      expect(mail.doc.message.html).toContain("&lt;script&gt;x()&lt;/script&gt;");
    }
    expect(byKind(mails, "refund-owner").doc.message.html).toContain("&lt;b&gt;Bo&lt;/b&gt;");
  });

  it("produces valid documents with deterministic, per-event ids", () => {
    const mails = refundEmails(input());
    for (const mail of mails) expect(mailDocSchema.safeParse(mail.doc).success).toBe(true);
    expect(refundEmails(input()).map(mailDocIdOf)).toEqual(mails.map(mailDocIdOf));
    expect(refundEmails(input({ eventKey: "adj_02" })).map(mailDocIdOf)).not.toEqual(mails.map(mailDocIdOf));
  });
});
