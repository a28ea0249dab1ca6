// Who a sale is credited to (W-18, W-27…W-29): test mode, unattributed reasons, self-referral,
// slugs and the alias keys, all through the real endpoints.
import { orderKeyOf } from "../../../contracts/ids";
import { describe, expect, it } from "vitest";
import {
  lemonSqueezyEvent,
  paddleClassicPayment,
  paddleCustomer,
  paddleTransactionCompleted,
  type SignedRequest,
} from "../../../scripts/lib/webhooks";
import { createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import { call, ownerIdToken } from "../owner/helpers";
import { deliver, ledgerSum, resign, settled, type Json } from "./support";

function paddleSale(customData: Json | null, customerId = uniqueId("ctm_at")): { orderKey: string; request: SignedRequest } {
  const txn = uniqueId("txn_at");
  const request = resign(paddleTransactionCompleted({ transactionId: txn, totalMinor: 12000, taxMinor: 2000, feeMinor: 0, customerId }), (body) => {
    (body.data as Json).custom_data = customData;
  });
  return { orderKey: orderKeyOf("paddle", txn), request };
}

function lsSale(customData: unknown, extra: { email?: string; test?: boolean } = {}): { orderKey: string; request: SignedRequest } {
  const orderId = uniqueId("ls_at");
  const request = resign(lemonSqueezyEvent("order_created", { orderId, subtotalMinor: 10000, ...extra }), (body) => {
    (body.meta as Json).custom_data = customData;
  });
  return { orderKey: orderKeyOf("lemonsqueezy", orderId), request };
}

function classicSale(passthrough: string): { orderKey: string; request: SignedRequest } {
  const orderId = uniqueId("cl_at");
  const request = resign(
    paddleClassicPayment({ alertId: uniqueId("al_at"), orderId, saleGross: "100.00", paymentTax: "0.00", balanceEarnings: "100.00", balanceFee: "0.00" }),
    (fields) => (fields.passthrough = passthrough),
  );
  return { orderKey: orderKeyOf("paddle-classic", orderId), request };
}

describe("test mode (W-18)", () => {
  it("a Lemon Squeezy test_mode order with an active affiliate is recorded as test and earns nothing", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const { orderKey, request } = lsSale({ affiliateId: affiliate.id }, { test: true });
    await deliver(request, "applied");
    const { order, commission } = await settled(orderKey);
    expect(order).toMatchObject({ test: true, affiliateId: null, commissionMinor: 0, originalCommissionMinor: 0 });
    expect(order.attribution).toMatchObject({ reason: "test", candidate: affiliate.id, affiliateId: null });
    expect(commission).toBeNull();
    expect(await ledgerSum(affiliate.id)).toEqual({});
    // Control: the same sale live queues its emails (sale mails are keyed by the order key).
    const live = lsSale({ affiliateId: affiliate.id });
    await deliver(live.request, "applied");
    await settled(live.orderKey);
    const mailsOf = (key: string) => db().collection("mail").where("subjectKey", "==", key).get();
    await eventually(async () => ((await mailsOf(live.orderKey)).size > 0 ? true : undefined), "sale mails of the live order");
    expect((await mailsOf(orderKey)).size).toBe(0);
  });
});

describe("unattributed orders are recorded with the reason (W-27, W-28)", () => {
  it("missing, unknown, inactive and malformed references on each platform", async () => {
    const disabled = await createAffiliate({ status: "disabled" });
    const unknown = uniqueId("aff_nobody");
    const cases: Array<{ label: string; sale: { orderKey: string; request: SignedRequest }; reason: string; candidate: string | null }> = [
      { label: "paddle missing", sale: paddleSale(null), reason: "missing", candidate: null },
      { label: "paddle unknown", sale: paddleSale({ affiliateId: unknown }), reason: "unknown", candidate: unknown },
      { label: "paddle inactive", sale: paddleSale({ affiliateId: disabled.id }), reason: "inactive", candidate: disabled.id },
      { label: "paddle malformed", sale: paddleSale({ affiliateId: "not an id!" }), reason: "malformed", candidate: "not an id!" },
      { label: "ls missing", sale: lsSale(undefined), reason: "missing", candidate: null },
      { label: "ls unknown", sale: lsSale({ aff: unknown }), reason: "unknown", candidate: unknown },
      { label: "ls malformed", sale: lsSale({ affiliateId: "../../etc" }), reason: "malformed", candidate: "../../etc" },
      { label: "classic missing", sale: classicSale(""), reason: "missing", candidate: null },
      { label: "classic inactive", sale: classicSale(JSON.stringify({ ref: disabled.id })), reason: "inactive", candidate: disabled.id },
      { label: "classic broken json", sale: classicSale(`{"affiliateId": "${disabled.id}"`), reason: "missing", candidate: null },
    ];
    await Promise.all(cases.map((c) => deliver(c.sale.request, "applied")));
    const results = await Promise.all(cases.map((c) => settled(c.sale.orderKey)));
    results.forEach(({ order, commission }, i) => {
      const c = cases[i];
      if (!c) throw new Error("case");
      expect({ label: c.label, attribution: order.attribution, commission, commissionMinor: order.commissionMinor }).toMatchObject({
        label: c.label,
        attribution: { affiliateId: null, reason: c.reason, candidate: c.candidate },
        commission: null,
        commissionMinor: 0,
      });
    });
    expect(await ledgerSum(disabled.id)).toEqual({});
  });
});

describe("slugs and alias keys", () => {
  it("a readable slug credits the affiliate it names, whatever its case; the receipt keeps the slug", async () => {
    const affiliate = await createAffiliate({ rateBps: 3000 });
    const slug = uniqueId("slug-").toLowerCase();
    await db().doc(`slugs/${slug}`).set({ affiliateId: affiliate.id });
    const sales = [paddleSale({ affiliateId: slug }), lsSale({ ref: slug.toUpperCase() }), classicSale(slug)];
    await Promise.all(sales.map((s) => deliver(s.request, "applied")));
    const results = await Promise.all(sales.map((s) => settled(s.orderKey)));
    for (const { order, commission } of results) {
      expect(order.affiliateId).toBe(affiliate.id);
      expect(order.attribution?.candidate?.toLowerCase()).toBe(slug);
      expect(order.rateBps).toBe(3000);
      expect(commission?.affiliateId).toBe(affiliate.id);
    }
    // Paddle base 10000 (12000 − tax 2000), LS 10000, Classic 10000: 30% each.
    expect((await ledgerSum(affiliate.id))["USD.earnedMinor"]).toBe(9000);
  });

  it("aliases aff and ref are read from custom data and passthrough, and the field is recorded", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const cases = [
      { sale: paddleSale({ aff: affiliate.id }), field: "data.custom_data.aff" },
      { sale: paddleSale({ ref: affiliate.id }), field: "data.custom_data.ref" },
      { sale: lsSale({ aff: affiliate.id }), field: "meta.custom_data.aff" },
      { sale: lsSale({ ref: affiliate.id }), field: "meta.custom_data.ref" },
      { sale: classicSale(JSON.stringify({ aff: affiliate.id })), field: "passthrough (json).aff" },
      { sale: classicSale(affiliate.id), field: "passthrough" },
    ];
    await Promise.all(cases.map((c) => deliver(c.sale.request, "applied")));
    const results = await Promise.all(cases.map((c) => settled(c.sale.orderKey)));
    results.forEach(({ order }, i) => {
      expect(order.attribution).toMatchObject({ affiliateId: affiliate.id, reason: null, field: cases[i]?.field });
    });
    expect((await ledgerSum(affiliate.id))["USD.sales"]).toBe(6);
  });
});

describe("self-referral (W-29)", () => {
  it("Paddle: the customer's email from customer.created flags the sale, whether it came before or after", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const before = paddleSale({ affiliateId: affiliate.id });
    const beforeCustomer = String(((JSON.parse(before.request.body) as Json).data as Json).customer_id);
    await deliver(paddleCustomer(beforeCustomer, affiliate.email.toUpperCase(), "Me Myself"), "customer");
    await deliver(before.request, "applied");
    const first = await settled(before.orderKey);
    expect(first.order).toMatchObject({ flag: "self_referral", customerEmail: affiliate.email.toUpperCase(), commissionMinor: 5000 });
    expect(first.commission).toMatchObject({ status: "flagged" });

    const after = paddleSale({ affiliateId: affiliate.id });
    const afterCustomer = String(((JSON.parse(after.request.body) as Json).data as Json).customer_id);
    await deliver(after.request, "applied");
    const unflagged = await settled(after.orderKey);
    expect(unflagged.order.flag).toBeNull();
    expect(unflagged.commission).toMatchObject({ status: "pending" });
    await deliver(paddleCustomer(afterCustomer, affiliate.email, "Me Myself"), "customer");
    const flagged = await settled(after.orderKey);
    expect(flagged.order).toMatchObject({ flag: "self_referral", customerEmail: affiliate.email });
    expect(flagged.commission).toMatchObject({ status: "flagged" });

    const ledger = await ledgerSum(affiliate.id);
    expect(ledger["USD.flaggedMinor"]).toBe(10000);
    expect(Object.keys(ledger).filter((k) => k.startsWith("USD.pendingByDay"))).toEqual([]);
  });

  it("Lemon Squeezy: the order's own email is compared, case aside", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const { orderKey, request } = lsSale({ affiliateId: affiliate.id }, { email: ` ${affiliate.email.toUpperCase()} ` });
    await deliver(request, "applied");
    const { order, commission } = await settled(orderKey);
    expect(order.flag).toBe("self_referral");
    expect(commission).toMatchObject({ status: "flagged", commissionMinor: 5000 });
  });
});

describe("rate snapshot", () => {
  it("an order first seen without a credited affiliate stays so, and does not freeze the program default as its rate", async () => {
    const affiliate = await createAffiliate({ status: "pending", rateBps: 2000 });
    const orderId = uniqueId("ls_rate");
    const base = { orderId, affiliateId: affiliate.id, subtotalMinor: 10000, createdAt: "2026-05-01T00:00:00.000Z" };
    await deliver(lemonSqueezyEvent("order_created", base), "applied");
    const first = await settled(orderKeyOf("lemonsqueezy", orderId));
    expect(first.order.attribution).toMatchObject({ reason: "inactive", affiliateId: null });
    // Approved later: credit was decided when the sale was first seen, so a refund credits nobody…
    await db().doc(`affiliates/${affiliate.id}`).update({ status: "active" });
    await deliver(lemonSqueezyEvent("order_refunded", { ...base, refundedMinor: 5000, updatedAt: "2026-05-02T00:00:00.000Z" }), "applied");
    const refunded = await settled(orderKeyOf("lemonsqueezy", orderId));
    expect(refunded.order).toMatchObject({ affiliateId: null, commissionMinor: 0 });
    // …until the owner re-attributes the order, which takes the affiliate's own rate.
    const owner = await ownerIdToken();
    expect(await call("reattributeOrder", { orderKey: orderKeyOf("lemonsqueezy", orderId), affiliateId: affiliate.id }, owner.idToken)).toMatchObject({ status: 200 });
    const { order, commission } = await settled(orderKeyOf("lemonsqueezy", orderId));
    expect(order).toMatchObject({ affiliateId: affiliate.id, rateBps: 2000, commissionMinor: 1000 });
    expect(commission).toMatchObject({ rateBps: 2000, commissionMinor: 1000 });
  });
});
