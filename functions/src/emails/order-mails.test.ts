import { describe, expect, it } from "vitest";
import type { ParsedEvent, SaleFacts } from "../domain/types.js";
import type { Attribution } from "../orders/attribution.js";
import { deriveOrder } from "../orders/derive.js";
import { addFact, emptyFacts, type OrderFacts } from "../orders/facts.js";
import type { OrderRecord } from "../orders/record.js";
import { mailDocIdOf } from "./mail-doc.js";
import { callsForMail, orderMails, type OrderMailContext } from "./order-mails.js";

const KEY = "lemonsqueezy_777";
const AFFILIATE = { id: "aff_ana", name: "Ana", email: "ana@aff.example" };
const CTX: OrderMailContext = {
  programName: "Acme",
  ownerEmails: ["owner@acme.example"],
  portalUrl: "https://acme.example",
  affiliate: AFFILIATE,
};
const CREDITED: Attribution = {
  affiliateId: AFFILIATE.id,
  candidate: AFFILIATE.id,
  field: "meta.custom_data.affiliateId",
  rule: "payload_ref",
  reason: null,
  selfReferral: false,
  by: null,
  discountCode: null,
  codeAffiliateId: null,
  codeApproval: false,
};

const SALE: SaleFacts = {
  soldAt: "2026-03-05T10:00:00.000Z",
  currency: "USD",
  grossMinor: 9700,
  taxMinor: 0,
  feeMinor: null,
  baseCurrency: "USD",
  baseMinor: 9700,
  productId: "1",
  productName: "TypeScript",
  customerId: null,
  customerEmail: "buyer@example.com",
  customerName: null,
  affiliate: { value: AFFILIATE.id, field: "meta.custom_data.affiliateId" },
  subscription: null,
  discount: null,
};

const common = { platform: "lemonsqueezy" as const, eventType: "x", occurredAt: SALE.soldAt, orderId: "777", test: false };
const saleEvent: ParsedEvent = { ...common, eventKey: "s", kind: "sale", sale: SALE };
const lsRefund = (cumulative: number): ParsedEvent => ({
  ...common,
  eventKey: `r${cumulative}`,
  kind: "refund",
  refund: { refundId: "cumulative", mode: "cumulative", at: "2026-03-06T10:00:00.000Z", grossMinor: cumulative, baseMinor: null, full: false, currency: "USD", baseCurrency: null },
});

function view(facts: OrderFacts, attribution: Attribution | null = CREDITED): OrderRecord {
  const derived = deriveOrder(facts, { attribution, rateBps: 5000, defaultRateBps: 5000, refundWindowDays: 30, flagApproved: false, payouts: {} });
  return {
    ...derived,
    platform: "lemonsqueezy",
    orderId: "777",
    payment: null,
    rateSource: "program",
    facts,
    attribution,
    courseId: "ts",
    courseName: "TypeScript from Scratch",
    productId: "1",
    productName: "TypeScript",
    customerId: null,
    customerEmail: "buyer@example.com",
    customerName: null,
    payouts: {},
  };
}

const sold = addFact(emptyFacts(), saleEvent);

describe("orderMails", () => {
  it("sends the sale to the affiliate and the owner once, and nothing for an unchanged order", () => {
    const mails = orderMails(KEY, null, view(sold), CTX);
    expect(mails.map((m) => [m.kind, m.doc.to])).toEqual([
      ["sale-affiliate", ["ana@aff.example"]],
      ["sale-owner", ["owner@acme.example"]],
    ]);
    expect(mails[0]?.doc.message.subject).toBe("You just earned $48.50: TypeScript from Scratch");
    expect(orderMails(KEY, view(sold), view(sold), CTX)).toEqual([]);
  });

  it("tells the trigger when a change calls for mail, so it reads recipients only then", () => {
    expect(callsForMail(null, view(sold))).toBe(true);
    expect(callsForMail(view(sold), view(sold))).toBe(false);
    expect(callsForMail(view(sold), null)).toBe(false);
  });

  it("announces each new cumulative refund with the amount refunded this time", () => {
    const first = addFact(sold, lsRefund(1000));
    const second = addFact(first, lsRefund(3000));
    const [aff1] = orderMails(KEY, view(sold), view(first), CTX);
    const [aff2, owner2] = orderMails(KEY, view(first), view(second), CTX);
    expect(aff1?.doc.message.text).toContain("A partial refund of $10.00 was issued");
    expect(aff2?.doc.message.text).toContain("A partial refund of $20.00 was issued");
    expect(aff2?.doc.message.text).toContain("$10.00 of your commission was taken back.");
    expect(owner2?.doc.message.subject).toBe("Partial refund: TypeScript from Scratch ($20.00)");
    // Each refund amount is its own email: different ids, so neither suppresses the other.
    expect(mailDocIdOf(aff1!)).not.toBe(mailDocIdOf(aff2!));
  });

  it("announces a refund that came before its sale together with the sale, at its full amount", () => {
    const refundFirst = addFact(emptyFacts(), lsRefund(9700));
    const both = addFact(refundFirst, saleEvent);
    const kinds = orderMails(KEY, view(refundFirst), view(both), CTX).map((m) => m.kind);
    // Nothing is left to earn, so the affiliate hears only that the sale was refunded.
    expect(kinds).toEqual(["sale-owner", "refund-affiliate", "refund-owner"]);
    const refundOwner = orderMails(KEY, view(refundFirst), view(both), CTX)[2];
    expect(refundOwner?.doc.message.subject).toBe("Full refund: TypeScript from Scratch ($97.00)");
  });

  it("tells only the owner about an unattributed sale, and nobody about a test order", () => {
    const none: Attribution = { ...CREDITED, affiliateId: null, candidate: null, rule: "none", reason: "missing" };
    const unattributed = orderMails(KEY, null, view(sold, none), { ...CTX, affiliate: null });
    expect(unattributed.map((m) => m.kind)).toEqual(["sale-owner"]);
    expect(unattributed[0]?.doc.message.subject).toContain("unattributed");
    const test = addFact(emptyFacts(), { ...saleEvent, test: true });
    expect(orderMails(KEY, null, view(test), CTX)).toEqual([]);
  });
});
