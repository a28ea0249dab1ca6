import { EVERY_PAYMENT } from "../../../contracts/recurring-policy.js";
import { describe, expect, it } from "vitest";
import type { ParsedEvent, SaleFacts } from "../domain/types.js";
import { manualAttribution, type AffiliateCandidate } from "./attribution.js";
import { addFact } from "./facts.js";
import type { OrderRecord } from "./record.js";
import { decideOrder, planOrderChange, type OrderChange, type OrderLookups } from "./rules.js";

const common = { platform: "paddle", eventType: "x", occurredAt: "2026-11-21T10:00:00Z", orderId: "txn_1", test: false } as const;

function sale(overrides: Partial<SaleFacts> = {}): ParsedEvent {
  return {
    ...common,
    eventKey: "sale",
    kind: "sale",
    sale: {
      soldAt: "2026-11-21T10:00:00.000Z",
      currency: "USD",
      grossMinor: 10000,
      taxMinor: 0,
      feeMinor: null,
      baseCurrency: "USD",
      baseMinor: 10000,
      productId: "p",
      productName: "Course",
      customerId: "ctm_1",
      customerEmail: null,
      customerName: null,
      affiliate: { value: " ada-lovelace ", field: "data.custom_data.affiliateId" },
      subscription: null,
      discount: null,
      ...overrides,
    },
  };
}

const refund: ParsedEvent = {
  ...common,
  eventKey: "refund",
  kind: "refund",
  refund: { refundId: "adj_1", mode: "increment", at: "2026-11-25T00:00:00.000Z", grossMinor: 5000, baseMinor: null, full: false, currency: null, baseCurrency: null },
};

const ada = (over: Partial<AffiliateCandidate> = {}): AffiliateCandidate => ({ id: "aff_ada", status: "active", email: "ada@example.com", rateBps: 4000, courseRates: {}, codeOnlyApproval: false, ...over });
const settings = { defaultRateBps: 5000, refundWindowDays: 30, recurringPolicy: EVERY_PAYMENT };

/** One change applied to a stored order, with the lookups answered as given. */
function apply(stored: OrderRecord | null, change: OrderChange, found: Partial<OrderLookups> = {}): OrderRecord {
  const plan = planOrderChange(stored, change);
  const { attribution, order, rateSource, customerEmail, customerName } = decideOrder(stored, plan, { customer: null, candidate: null, code: null, course: null, settings, ...found });
  return {
    ...order,
    rateSource,
    platform: "paddle",
    orderId: "txn_1",
    facts: plan.facts,
    attribution,
    courseId: null,
    courseName: null,
    productId: null,
    productName: null,
    customerId: plan.facts.sale?.customerId ?? null,
    payment: null,
    customerEmail,
    customerName,
    payouts: plan.payouts,
  };
}

const event = (e: ParsedEvent): OrderChange => ({ facts: (facts) => addFact(facts, e) });

describe("planOrderChange", () => {
  it("asks for the affiliate the sale names (trimmed) and the customer when the sale has no email", () => {
    const plan = planOrderChange(null, event(sale()));
    expect(plan).toMatchObject({ affiliateToRead: "ada-lovelace", customerToRead: "ctm_1" });
    expect(planOrderChange(null, event(sale({ customerEmail: "b@example.com", affiliate: { value: "no way!", field: "x" } })))).toMatchObject({
      affiliateToRead: null,
      customerToRead: null,
    });
  });

  it("asks for the owner's choice once an order was re-attributed by hand", () => {
    const stored = apply(null, event(sale()), { candidate: ada() });
    const plan = planOrderChange(stored, { attribution: manualAttribution("aff_grace", "owner_1") });
    expect(plan.affiliateToRead).toBe("aff_grace");
  });
});

describe("decideOrder", () => {
  it("credits the affiliate a slug names, keeps the slug as the candidate, and snapshots their rate", () => {
    const order = apply(null, event(sale()), { candidate: ada(), customer: { email: "buyer@example.com", name: "Buyer" } });
    expect(order.attribution).toMatchObject({ affiliateId: "aff_ada", candidate: "ada-lovelace", reason: null, selfReferral: false });
    expect(order).toMatchObject({ rateBps: 4000, commissionMinor: 4000, customerEmail: "buyer@example.com", customerName: "Buyer" });
    expect(order.payableAt).toBe("2026-12-21T10:00:00.000Z");
  });

  it("takes the program's rate when the affiliate has none", () => {
    expect(apply(null, event(sale()), { candidate: ada({ rateBps: null }) })).toMatchObject({ rateBps: 5000, rateSource: "program" });
  });

  it("snapshots the course's rate and where it came from, and keeps both when the course changes later", () => {
    const sold = apply(null, event(sale()), { candidate: ada({ rateBps: null }), course: { id: "ts", rateBps: 3000 } });
    expect(sold).toMatchObject({ rateBps: 3000, rateSource: "course", commissionMinor: 3000 });
    const later = apply(sold, event(refund), { candidate: ada({ rateBps: null }), course: { id: "ts", rateBps: 9000 } });
    expect(later).toMatchObject({ rateBps: 3000, rateSource: "course" });
  });

  it("asks whose discount a sale carries only when the sale is first seen", () => {
    const withCode = sale({ affiliate: { value: null, field: null }, discount: { code: null, platformId: "dsc_1" } });
    expect(planOrderChange(null, event(withCode)).discountToRead).toEqual({ code: null, platformId: "dsc_1" });
    const bob = ada({ id: "aff_bob", rateBps: 2500, codeOnlyApproval: true });
    const sold = apply(null, event(withCode), { code: { code: "BOB10", candidate: bob } });
    expect(sold).toMatchObject({ affiliateId: "aff_bob", rateBps: 2500, rateSource: "affiliate", flag: "code_only", commissionMinor: 2500 });
    expect(sold.attribution).toMatchObject({ rule: "discount_code", discountCode: "BOB10" });
    const plan = planOrderChange(sold, event(refund));
    expect(plan).toMatchObject({ discountToRead: null, affiliateToRead: "aff_bob" });
    const later = apply(sold, event(refund), { candidate: bob });
    expect(later).toMatchObject({ affiliateId: "aff_bob", flag: "code_only", commissionMinor: 1250 });
    expect(apply(later, { flagApproved: true }, { candidate: bob })).toMatchObject({ flag: "code_only", flagApproved: true });
  });

  it("keeps the credit and the rate of a sale when the affiliate is disabled or re-rated later", () => {
    const sold = apply(null, event(sale()), { candidate: ada() });
    const refunded = apply(sold, event(refund), { candidate: ada({ status: "disabled", rateBps: 9000 }) });
    expect(refunded.attribution).toEqual(sold.attribution);
    expect(refunded).toMatchObject({ affiliateId: "aff_ada", rateBps: 4000, commissionMinor: 2000, status: "partially_refunded" });
  });

  it("decides again when the sale first arrives after its refund", () => {
    const refundFirst = apply(null, event(refund));
    expect(refundFirst.attribution).toBeNull();
    const sold = apply(refundFirst, event(sale()), { candidate: ada() });
    expect(sold).toMatchObject({ affiliateId: "aff_ada", commissionMinor: 2000 });
  });

  it("a manual re-attribution stands against the payload, and takes the new affiliate's rate", () => {
    const sold = apply(null, event(sale()), { candidate: ada() });
    const grace = ada({ id: "aff_grace", email: "grace@example.com", rateBps: 2500 });
    const moved = apply(sold, { attribution: manualAttribution("aff_grace", "owner_1") }, { candidate: grace });
    expect(moved).toMatchObject({ affiliateId: "aff_grace", rateBps: 2500, commissionMinor: 2500 });
    const later = apply(moved, event(refund), { candidate: grace });
    expect(later.attribution?.rule).toBe("manual");
    expect(later).toMatchObject({ affiliateId: "aff_grace", rateBps: 2500, commissionMinor: 1250 });
  });

  it("credits nobody for an unknown reference, and flags a self-referral", () => {
    expect(apply(null, event(sale())).attribution).toMatchObject({ affiliateId: null, reason: "unknown" });
    const self = apply(null, event(sale()), { candidate: ada(), customer: { email: "ADA@example.com", name: null } });
    expect(self).toMatchObject({ affiliateId: "aff_ada", flag: "self_referral" });
  });

  it("adds a payout and keeps the owner's approval", () => {
    const sold = apply(null, event(sale()), { candidate: ada() });
    const paid = apply(apply(sold, { flagApproved: true }), { payout: { payoutId: "po_1", amountMinor: 4000 } }, { candidate: ada() });
    expect(paid).toMatchObject({ payouts: { po_1: 4000 }, paidOutMinor: 4000, flagApproved: true });
  });

  it("decides credit once, when the sale is first seen: later events never credit a pending affiliate (issue 11, finding 3)", () => {
    const sold = apply(null, event(sale()), { candidate: ada({ status: "pending" }) });
    expect(sold.attribution).toMatchObject({ affiliateId: null, reason: "inactive" });
    const refunded = apply(sold, event(refund), { candidate: ada() });
    expect(refunded).toMatchObject({ affiliateId: null, commissionMinor: 0 });
    expect(refunded.attribution).toEqual(sold.attribution);
    // A ref that only later became someone's slug: the re-derivation a customer event causes credits nobody.
    const unknown = apply(null, event(sale()));
    expect(planOrderChange(unknown, {}).affiliateToRead).toBeNull();
    expect(apply(unknown, {}, { candidate: ada(), customer: { email: "b@example.com", name: null } }).affiliateId).toBeNull();
  });

  it("re-evaluates only the self-referral flag once credit is decided", () => {
    const sold = apply(null, event(sale()), { candidate: ada() });
    expect(sold.flag).toBeNull();
    expect(planOrderChange(sold, {}).affiliateToRead).toBe("aff_ada");
    const told = apply(sold, {}, { candidate: ada({ rateBps: 9000 }), customer: { email: "ada@example.com", name: "Ada" } });
    expect(told).toMatchObject({ affiliateId: "aff_ada", rateBps: 4000, flag: "self_referral", customerEmail: "ada@example.com" });
    expect(told.attribution).toEqual({ ...sold.attribution, selfReferral: true });
  });

  it("snapshots the refund window when the sale is first seen (issue 11, finding 8)", () => {
    const sold = apply(null, event(sale()), { candidate: ada(), settings: { ...settings, refundWindowDays: 14 } });
    expect(sold).toMatchObject({ refundWindowDays: 14, payableAt: "2026-12-05T10:00:00.000Z" });
    const later = apply(sold, event(refund), { candidate: ada() });
    expect(later).toMatchObject({ refundWindowDays: 14, payableAt: "2026-12-05T10:00:00.000Z" });
    const refundFirst = apply(null, event(refund), { settings: { ...settings, refundWindowDays: 7 } });
    expect(apply(refundFirst, event(sale()), { candidate: ada() })).toMatchObject({ refundWindowDays: 30, payableAt: "2026-12-21T10:00:00.000Z" });
  });
});
