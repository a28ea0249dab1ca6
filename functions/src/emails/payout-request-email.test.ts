import { describe, expect, it } from "vitest";
import { payoutRequestEmails, type PayoutRequestEmailInput } from "./payout-request-email.js";

const input = (over: Partial<PayoutRequestEmailInput> = {}): PayoutRequestEmailInput => ({
  programName: "Course Lab",
  requestId: "aff1_USD",
  affiliate: { id: "aff1", name: "Ada <b>", email: "ada@x.test" },
  payTo: "paypal@ada.test",
  amountMinor: 7350,
  currency: "USD",
  thresholdMinor: 5000,
  requestedAt: "2026-11-02T10:00:00.000Z",
  ownerEmails: ["owner@x.test", "Owner@X.test", "books@x.test"],
  payoutsUrl: "https://portal.example/owner/payouts",
  ...over,
});

describe("payout request email", () => {
  it("goes to the owners once each and names who, how much and where to pay", () => {
    const [mail, ...rest] = payoutRequestEmails(input());
    expect(rest).toEqual([]);
    expect(mail?.doc.to).toEqual(["owner@x.test", "books@x.test"]);
    expect(mail?.doc.message.subject).toBe("Payout requested: Ada <b> ($73.50)");
    expect(mail?.doc.message.text).toContain("Pay to: paypal@ada.test");
    expect(mail?.doc.message.text).toContain("Payout threshold: $50.00");
    expect(mail?.doc.message.html).toContain("Ada &lt;b&gt;");
    expect(mail?.doc.message.html).not.toContain("<b>");
    expect(mail?.doc.message.html).toContain('href="https://portal.example/owner/payouts"');
  });

  it("is a new mail for a new request of the same affiliate and currency, the same mail for the same request", () => {
    const [a] = payoutRequestEmails(input());
    const [again] = payoutRequestEmails(input());
    const [later] = payoutRequestEmails(input({ requestedAt: "2026-12-02T10:00:00.000Z" }));
    expect(again?.subjectKey).toBe(a?.subjectKey);
    expect(later?.subjectKey).not.toBe(a?.subjectKey);
  });

  it("is not composed without an owner address", () => {
    expect(payoutRequestEmails(input({ ownerEmails: [] }))).toEqual([]);
  });
});
