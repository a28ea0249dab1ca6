import { describe, expect, it } from "vitest";
import type { OwnerAffiliate, OwnerOrder, OwnerPayout } from "../../types/models";
import { csvRecords, parseCsv } from "../../lib/csv";
import { commissionsCsv, ordersCsv } from "./exports";
import { filterOrders, NO_FILTER, receiptText } from "./order-filter";
import { payeeOf, paypalCsv, wiseCsv } from "./payout-csv";

const order = (over: Partial<OwnerOrder> = {}): OwnerOrder => ({
  id: "lemonsqueezy_1001",
  platform: "lemonsqueezy",
  orderId: "1001",
  status: "paid",
  affiliateId: "aff1",
  attribution: { affiliateId: "aff1", candidate: "ada", field: "meta.custom_data.affiliateId", rule: "payload_ref", reason: null, selfReferral: false, by: null, discountCode: null, codeAffiliateId: null },
  courseName: "TypeScript, from Scratch",
  payment: null,
  productName: "TS",
  customerEmail: "student@example.com",
  currency: "EUR",
  grossMinor: 11_900,
  taxMinor: 1_900,
  netMinor: 10_000,
  baseCurrency: "USD",
  baseNote: null,
  refundedGrossMinor: 0,
  rateBps: 5000,
  rateSource: null,
  commissionMinor: 5_000,
  commissionCurrency: "USD",
  paidOutMinor: 2_000,
  payoutIds: ["po_1"],
  flag: null,
  flagApproved: false,
  test: false,
  saleAt: new Date("2026-01-02T10:00:00Z"),
  payableAt: new Date("2026-02-01T10:00:00Z"),
  ...over,
});

const ada: OwnerAffiliate = {
  id: "aff1", email: "ada@x.test", name: "Ada", displayName: "Ada L.", payoutEmail: "pay@ada.test", status: "active",
  rateBps: null, cookieDays: null, discountCode: null, paddleDiscountId: null, codeOnlyApproval: false, courseRates: {}, slug: "ada", website: "", promotion: "", createdAt: null, note: "", recurringPolicy: null,
};
const people = new Map([["aff1", ada]]);

describe("ordersCsv", () => {
  it("writes one line per order with decimal amounts (golden)", () => {
    const rows = parseCsv(ordersCsv([order(), order({ id: "paddle_9", platform: "paddle", orderId: "9", affiliateId: null, attribution: null, currency: "JPY", grossMinor: 1200, taxMinor: 0, commissionMinor: 0, paidOutMinor: 0 })], people));
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      "lemonsqueezy_1001", "lemonsqueezy", "1001", "2026-01-02", "paid", "no", "TypeScript, from Scratch", "student@example.com",
      "EUR", "119.00", "19.00", "0.00", "USD", "100.00", "aff1", "Ada L.", "payload_ref", "5000", "USD", "50.00", "20.00", "",
    ]);
    expect(csvRecords(rows)[1]).toMatchObject({ currency: "JPY", gross: "1200", tax: "0", affiliate_id: "" });
  });
});

describe("commissionsCsv", () => {
  it("lists credited, non-test orders with the remainder", () => {
    const rows = parseCsv(commissionsCsv([order(), order({ id: "x", affiliateId: null }), order({ id: "t", test: true }), order({ id: "neg", commissionMinor: 0, paidOutMinor: 500, payoutIds: ["po_1", "po_2"] })], people));
    expect(rows.map((r) => r[0])).toEqual(["order_key", "lemonsqueezy_1001", "neg"]);
    expect(rows[1]).toEqual(["lemonsqueezy_1001", "2026-01-02", "2026-02-01", "aff1", "Ada L.", "USD", "50.00", "20.00", "30.00", "po_1"]);
    expect(csvRecords(rows)[1]).toMatchObject({ commission: "0.00", paid_out: "5.00", remaining: "-5.00", payout_ids: "po_1 po_2" });
  });
});

describe("payout CSVs", () => {
  const payout: OwnerPayout = {
    id: "po_abc", affiliateId: "aff1", amountMinor: 12_345, currency: "USD", method: "PayPal", reference: "", createdAt: null,
    orderKeys: ["a", "b"], payeeName: "", payeeEmail: "",
  };

  it("falls back to the affiliate's payout details", () => {
    expect(payeeOf(payout, ada)).toEqual({ name: "Ada L.", email: "pay@ada.test" });
    expect(payeeOf({ ...payout, payeeName: "Ada Then", payeeEmail: "then@ada.test" }, ada)).toEqual({ name: "Ada Then", email: "then@ada.test" });
  });

  it("PayPal: email, amount, currency, reference id, note; no header", () => {
    expect(paypalCsv([{ payout, payee: payeeOf(payout, ada) }], "Course Lab")).toBe("pay@ada.test,123.45,USD,po_abc,Course Lab commission po_abc\r\n");
  });

  it.each(["HUF", "COP", "IDR"])("%s amounts carry the table's two decimals, as the emails print them", (currency) => {
    const inCurrency = { ...payout, amountMinor: 123_456, currency };
    expect(paypalCsv([{ payout: inCurrency, payee: payeeOf(inCurrency, ada) }], "Course Lab")).toBe(`pay@ada.test,1234.56,${currency},po_abc,Course Lab commission po_abc\r\n`);
    expect(parseCsv(wiseCsv([{ payout: inCurrency, payee: payeeOf(inCurrency, ada) }], "Course Lab"))[1]?.slice(5)).toEqual(["1234.56", currency, currency]);
  });

  it("Wise: the email-recipient template with a header", () => {
    const rows = parseCsv(wiseCsv([{ payout, payee: payeeOf(payout, ada) }], "Course Lab"));
    expect(rows).toEqual([
      ["name", "recipientEmail", "paymentReference", "receiverType", "amountCurrency", "amount", "sourceCurrency", "targetCurrency"],
      ["Ada L.", "pay@ada.test", "Course Lab commission po_abc", "PERSON", "target", "123.45", "USD", "USD"],
    ]);
  });
});

describe("filterOrders", () => {
  const orders = [
    order({ id: "1" }),
    order({ id: "2", platform: "paddle", affiliateId: null }),
    order({ id: "3", status: "refunded", flag: "self_referral" }),
    order({ id: "4", flag: "self_referral", flagApproved: true }),
  ];
  const ids = (f: Partial<typeof NO_FILTER>) => filterOrders(orders, { ...NO_FILTER, ...f }).map((o) => o.id);

  it("combines platform, affiliate, unattributed, status and flagged", () => {
    expect(ids({})).toEqual(["1", "2", "3", "4"]);
    expect(ids({ platform: "paddle" })).toEqual(["2"]);
    expect(ids({ affiliate: "none" })).toEqual(["2"]);
    expect(ids({ affiliate: "aff1", status: "paid" })).toEqual(["1", "4"]);
    expect(ids({ flaggedOnly: true })).toEqual(["3"]);
  });

  it("explains the attribution", () => {
    expect(receiptText(order())).toBe("Reference ada in meta.custom_data.affiliateId");
    const none = { discountCode: null, codeAffiliateId: null };
    expect(receiptText(order({ affiliateId: null, attribution: { affiliateId: null, candidate: null, field: null, rule: "none", reason: "missing", selfReferral: false, by: null, ...none } }))).toBe("No affiliate reference in the payment");
    expect(receiptText(order({ attribution: { affiliateId: "aff1", candidate: "aff1", field: null, rule: "manual", reason: null, selfReferral: false, by: "owner1", ...none } }))).toBe("Credited by hand (by owner1)");
    expect(receiptText(order({ attribution: { affiliateId: "ada", candidate: "ada", field: "subscription", rule: "subscription", reason: null, selfReferral: false, by: null, ...none } }))).toBe("Later payment of a subscription credited to ada");
    expect(receiptText(order({ affiliateId: null, attribution: { affiliateId: null, candidate: "ada", field: "subscription", rule: "subscription", reason: "beyond_policy", selfReferral: false, by: null, ...none } }))).toBe(
      "Subscription of ada: this payment is past the recurring-payments policy, no commission",
    );
  });

  it("names a discount code and where the rate came from", () => {
    const codeOnly = { affiliateId: "aff1", candidate: null, field: null, rule: "discount_code", reason: null, selfReferral: false, by: null, discountCode: "ADA10", codeAffiliateId: "aff1" };
    expect(receiptText(order({ attribution: codeOnly, rateBps: 4000, rateSource: "course" }))).toBe("Discount code ADA10 (code only); rate 40% from course TypeScript, from Scratch");
    const both = { ...codeOnly, candidate: "ben", field: "passthrough", rule: "payload_ref", codeAffiliateId: "aff2" };
    expect(receiptText(order({ attribution: both, rateSource: "affiliate_course" }))).toBe(
      "Reference ben in passthrough; discount code ADA10 is aff2's (the link wins); rate 50% for this affiliate on course TypeScript, from Scratch",
    );
    expect(receiptText(order({ affiliateId: null, attribution: { ...codeOnly, affiliateId: null, rule: "none", reason: "missing", codeAffiliateId: null } }))).toBe(
      "No affiliate reference in the payment; discount code ADA10 is no active affiliate's",
    );
  });

  it("says which commission base a Stripe sale used", () => {
    const byRef = { affiliateId: "aff1", candidate: "aff1", field: "data.object.client_reference_id", rule: "payload_ref", reason: null, selfReferral: false, by: null, discountCode: null, codeAffiliateId: null };
    expect(receiptText(order({ attribution: byRef, baseNote: "balance transaction txn_1 (Stripe): net after Stripe's fee, less tax and shipping, in USD" }))).toBe(
      "Reference aff1 in data.object.client_reference_id; base: balance transaction txn_1 (Stripe): net after Stripe's fee, less tax and shipping, in USD",
    );
    expect(receiptText(order({ attribution: null, status: "awaiting_sale", baseNote: null }))).toBe("Waiting for the sale event");
  });
});
