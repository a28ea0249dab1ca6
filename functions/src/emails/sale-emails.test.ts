import { describe, expect, it } from "vitest";
import { mailDocIdOf, mailDocSchema } from "./mail-doc.js";
import { saleEmails, type SaleEmailInput } from "./sale-emails.js";

const CUSTOMER = "buyer@customer.example";

function input(overrides: Partial<SaleEmailInput> = {}): SaleEmailInput {
  return {
    programName: "Acme Courses",
    orderKey: "paddle_txn_01",
    courseName: "TypeScript Deep Dive",
    soldAt: "2026-03-05T10:00:00Z",
    saleMinor: 9700, // $97.00
    currency: "USD",
    commissionMinor: 4850, // $48.50
    commissionCurrency: "USD",
    payableAt: "2026-04-04",
    affiliate: { id: "aff1", name: "Ana", email: "ana@aff.example" },
    attributionReason: "referral link (cookie)",
    candidateRef: null,
    flag: null,
    test: false,
    customerEmail: CUSTOMER,
    ownerEmails: ["owner@acme.example", "Owner@acme.example", "second@acme.example"],
    portalUrl: "https://acme.example/portal",
    ...overrides,
  };
}

function byKind(mails: ReturnType<typeof saleEmails>, kind: string) {
  const mail = mails.find((m) => m.kind === kind);
  if (mail === undefined) throw new Error(`no ${kind} mail among ${mails.map((m) => m.kind).join(", ")}`);
  return mail;
}

describe("saleEmails", () => {
  it("tells the affiliate what they earned and when it is payable", () => {
    const mail = byKind(saleEmails(input()), "sale-affiliate");
    expect(mail.doc.to).toEqual(["ana@aff.example"]);
    expect(mail.doc.message.subject).toBe("You just earned $48.50: TypeScript Deep Dive");
    expect(mail.doc.message.text).toContain("You just earned $48.50 from a sale of TypeScript Deep Dive.");
    expect(mail.doc.message.text).toContain("Sale amount: $97.00");
    expect(mail.doc.message.text).toContain("Payable from: April 4, 2026");
    expect(mail.doc.message.text).toContain("https://acme.example/portal");
    expect(mail.doc.message.html).toContain('<a href="https://acme.example/portal"');
    expect(mail.recipient).toBe("affiliate:aff1");
    expect(mail.subjectKey).toBe("paddle_txn_01");
  });

  it("never puts customer data into the affiliate's email", () => {
    const mail = byKind(saleEmails(input({ customerEmail: CUSTOMER })), "sale-affiliate");
    expect(JSON.stringify(mail.doc)).not.toContain("customer.example");
  });

  it("tells the owner every detail, including the customer, with de-duplicated recipients", () => {
    const mail = byKind(saleEmails(input()), "sale-owner");
    expect(mail.doc.to).toEqual(["owner@acme.example", "second@acme.example"]);
    expect(mail.recipient).toBe("owner");
    expect(mail.doc.message.subject).toBe("New sale: TypeScript Deep Dive ($97.00), via Ana");
    const text = mail.doc.message.text;
    expect(text).toContain(`Customer: ${CUSTOMER}`);
    expect(text).toContain("Affiliate: Ana <ana@aff.example>");
    expect(text).toContain("Attribution: referral link (cookie)");
    expect(text).toContain("Commission: $48.50");
    expect(text).not.toContain("Needs review");
  });

  it("sends only the owner's email for an unattributed sale", () => {
    const mails = saleEmails(input({ affiliate: null, attributionReason: "no affiliate reference" }));
    expect(mails.map((m) => m.kind)).toEqual(["sale-owner"]);
    const mail = byKind(mails, "sale-owner");
    expect(mail.doc.message.subject).toBe("New sale: TypeScript Deep Dive ($97.00), unattributed");
    expect(mail.doc.message.text).toContain("Affiliate: Unattributed");
    expect(mail.doc.message.text).toContain("Attribution: no affiliate reference");
    expect(mail.doc.message.text).not.toContain("Commission:");
  });

  it("asks the owner to review an unattributed sale that carried an unknown affiliate reference", () => {
    const mails = saleEmails(input({ affiliate: null, candidateRef: "bob-old", attributionReason: "inactive affiliate" }));
    const mail = byKind(mails, "sale-owner");
    expect(mail.doc.message.subject).toBe("[Needs review] New sale: TypeScript Deep Dive ($97.00), unattributed");
    expect(mail.doc.message.text).toContain('Needs review: the order carried the affiliate reference "bob-old"');
  });

  it("words a self-referral as awaiting review, for the affiliate and the owner", () => {
    const mails = saleEmails(input({ flag: "self-referral" }));
    const affiliate = byKind(mails, "sale-affiliate");
    expect(affiliate.doc.message.subject).toBe("A sale of TypeScript Deep Dive awaits review");
    expect(affiliate.doc.message.text).toContain("awaits review by Acme Courses");
    expect(affiliate.doc.message.text).toContain("Commission if approved: $48.50");
    expect(affiliate.doc.message.text).not.toMatch(/earned|Payable from/);
    const owner = byKind(mails, "sale-owner");
    expect(owner.doc.message.subject).toMatch(/^\[Needs review\] New sale/);
    expect(owner.doc.message.text).toContain("Needs review: this looks like a self-referral by Ana.");
  });

  it("words a held code-only sale as awaiting review, saying why", () => {
    const mails = saleEmails(input({ flag: "code-only", attributionReason: "discount code ANA10" }));
    const affiliate = byKind(mails, "sale-affiliate");
    expect(affiliate.doc.message.subject).toBe("A sale of TypeScript Deep Dive awaits review");
    expect(affiliate.doc.message.text).toContain("made with your discount code alone");
    expect(affiliate.doc.message.text).not.toMatch(/earned|Payable from/);
    const owner = byKind(mails, "sale-owner");
    expect(owner.doc.message.text).toContain("credited to Ana by their discount code alone");
    expect(owner.doc.message.text).toContain("discount code ANA10");
  });

  it("sends nothing for a test event", () => {
    expect(saleEmails(input({ test: true }))).toEqual([]);
    expect(saleEmails(input({ test: true, affiliate: null }))).toEqual([]);
  });

  it("skips the affiliate's email when the sale earned no commission", () => {
    expect(saleEmails(input({ commissionMinor: 0 })).map((m) => m.kind)).toEqual(["sale-owner"]);
  });

  it("skips the owner's email when no owner address is configured", () => {
    expect(saleEmails(input({ ownerEmails: [" "] })).map((m) => m.kind)).toEqual(["sale-affiliate"]);
  });

  it("escapes markup in course titles and names, and keeps subjects on one line", () => {
    const mails = saleEmails(
      input({
        courseName: "<script>alert(1)</script>\r\nBcc: x@evil.example",
        affiliate: { id: "aff1", name: '<img src=x onerror="alert(2)">', email: "ana@aff.example" },
      }),
    );
    for (const mail of mails) {
      expect(mail.doc.message.html).not.toContain("<script>");
      expect(mail.doc.message.html).not.toContain("<img");
      expect(mail.doc.message.subject).not.toMatch(/[\r\n]/);
    }
    expect(byKind(mails, "sale-affiliate").doc.message.html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(byKind(mails, "sale-owner").doc.message.html).toContain("&lt;img src=x onerror=&quot;alert(2)&quot;&gt;");
  });

  it("formats each amount in its own currency", () => {
    const mail = byKind(
      saleEmails(input({ saleMinor: 1500000, currency: "JPY", commissionMinor: 4850, commissionCurrency: "USD" })),
      "sale-affiliate",
    );
    expect(mail.doc.message.text).toContain("Sale amount: ¥1,500,000");
    expect(mail.doc.message.text).toContain("Your commission: $48.50");
  });

  it("produces documents the mail schema accepts, with ids stable across runs", () => {
    const first = saleEmails(input());
    const second = saleEmails(input());
    for (const mail of first) expect(mailDocSchema.safeParse(mail.doc).success).toBe(true);
    expect(first.map(mailDocIdOf)).toEqual(second.map(mailDocIdOf));
    expect(new Set(first.map(mailDocIdOf)).size).toBe(2);
  });
});
