// Discount-code attribution through the real endpoints and the owner's callables: a Paddle Billing
// discount id and a Classic coupon credit the code's affiliate, the link wins a conflict (the
// receipt shows both), code-only sales can wait for approval, and a code is one affiliate's
// whatever its case, even when two owners save it at once.
import { beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import { paddleClassicPayment, paddleTransactionCompleted, type SignedRequest } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import { call, ownerIdToken, saveCode } from "../owner/helpers";
import { deliver, ledgerSum, readSettings, resign, settled, type Json } from "./support";

let owner = "";
beforeAll(async () => {
  owner = (await ownerIdToken()).idToken;
});

/** A Paddle Billing sale with a discount id and, optionally, a referral id. */
function paddleSale(discountId: string | null, affiliateId: string | null = null): { orderKey: string; request: SignedRequest } {
  const txn = uniqueId("txn_dc");
  const request = resign(paddleTransactionCompleted({ transactionId: txn, totalMinor: 10000, taxMinor: 0, feeMinor: 0, affiliateId }), (body) => {
    (body.data as Json).discount_id = discountId;
  });
  return { orderKey: orderKeyOf("paddle", txn), request };
}

function classicSale(coupon: string, affiliateId: string | null = null): { orderKey: string; request: SignedRequest } {
  const orderId = uniqueId("cl_dc");
  const request = resign(
    paddleClassicPayment({ alertId: uniqueId("al_dc"), orderId, saleGross: "100.00", paymentTax: "0.00", balanceEarnings: "100.00", balanceFee: "0.00", affiliateId }),
    (fields) => (fields.coupon = coupon),
  );
  return { orderKey: orderKeyOf("paddle-classic", orderId), request };
}

const codeOf = (prefix: string) => uniqueId(prefix).replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40);

describe("a sale with an affiliate's discount code and no referral id", () => {
  it("Paddle Billing: the discount id the owner entered beside the code credits that affiliate, as a code-only sale", async () => {
    const ana = await createAffiliate();
    const code = codeOf("ANA");
    const discountId = uniqueId("dsc_").toLowerCase();
    expect(await saveCode(owner, ana.id, { discountCode: code, paddleDiscountId: discountId })).toMatchObject({ status: 200 });
    const { defaultRateBps } = await readSettings();

    const { orderKey, request } = paddleSale(discountId);
    await deliver(request, "applied");
    const { order, commission } = await settled(orderKey);
    expect(order.attribution).toMatchObject({ affiliateId: ana.id, rule: "discount_code", reason: null, discountCode: code, codeAffiliateId: ana.id, codeApproval: false });
    expect(order).toMatchObject({ affiliateId: ana.id, flag: null, rateBps: defaultRateBps, commissionMinor: (10000 * defaultRateBps) / 10000 });
    expect(commission).toMatchObject({ affiliateId: ana.id });

    // Control: a discount nobody holds credits nobody, and the receipt keeps it.
    const other = paddleSale(uniqueId("dsc_other").toLowerCase());
    await deliver(other.request, "applied");
    const unclaimed = (await settled(other.orderKey)).order;
    expect(unclaimed).toMatchObject({ affiliateId: null, commissionMinor: 0 });
    expect(unclaimed.attribution).toMatchObject({ reason: "missing", codeAffiliateId: null });
  });

  it("Paddle Classic: the coupon code credits its affiliate whatever its case; a malformed referral id does not block it", async () => {
    const ben = await createAffiliate();
    const code = codeOf("Ben");
    expect(await saveCode(owner, ben.id, { discountCode: code })).toMatchObject({ status: 200 });

    const lower = classicSale(code.toLowerCase());
    const malformed = resign(classicSale(code.toUpperCase()).request, (fields) => (fields.passthrough = JSON.stringify({ affiliateId: "not an id!" })));
    const malformedKey = orderKeyOf("paddle-classic", String(Object.fromEntries(new URLSearchParams(malformed.body)).order_id));
    await Promise.all([deliver(lower.request, "applied"), deliver(malformed, "applied")]);
    const [a, b] = await Promise.all([settled(lower.orderKey), settled(malformedKey)]);
    expect(a.order.attribution).toMatchObject({ affiliateId: ben.id, rule: "discount_code", discountCode: code.toLowerCase() });
    expect(b.order.attribution).toMatchObject({ affiliateId: ben.id, rule: "discount_code", candidate: "not an id!", discountCode: code.toUpperCase() });
    expect(a.order.commissionMinor).toBeGreaterThan(0);
  });
});

describe("a referral id and a code of different affiliates", () => {
  it("credits the link's affiliate, and the receipt names the code's affiliate too", async () => {
    const linked = await createAffiliate();
    const coded = await createAffiliate();
    const code = codeOf("CODED");
    expect(await saveCode(owner, coded.id, { discountCode: code })).toMatchObject({ status: 200 });
    const { orderKey, request } = classicSale(code, linked.id);
    await deliver(request, "applied");
    const { order } = await settled(orderKey);
    expect(order.affiliateId).toBe(linked.id);
    expect(order.attribution).toMatchObject({ affiliateId: linked.id, rule: "payload_ref", candidate: linked.id, discountCode: code, codeAffiliateId: coded.id });
    expect(await ledgerSum(coded.id)).toEqual({});
  });
});

describe("code-only approval", () => {
  it("holds a code-only sale of an affiliate the owner reviews until approved; a linked sale of theirs is not held", async () => {
    const cat = await createAffiliate();
    const code = codeOf("CAT");
    expect(await saveCode(owner, cat.id, { discountCode: code, codeOnlyApproval: true })).toMatchObject({ status: 200 });

    const codeOnly = classicSale(code);
    const linked = classicSale(code, cat.id);
    await Promise.all([deliver(codeOnly.request, "applied"), deliver(linked.request, "applied")]);
    const held = await settled(codeOnly.orderKey);
    expect(held.order).toMatchObject({ affiliateId: cat.id, flag: "code_only", flagApproved: false });
    expect(held.commission).toMatchObject({ status: "flagged" });
    expect((await settled(linked.orderKey)).order).toMatchObject({ affiliateId: cat.id, flag: null });
    const commissionMinor = held.order.commissionMinor;
    expect(await ledgerSum(cat.id)).toMatchObject({ "USD.flaggedMinor": commissionMinor });

    expect(await call("approveSelfReferral", { orderKey: codeOnly.orderKey }, owner)).toMatchObject({ status: 200 });
    const approved = await settled(codeOnly.orderKey);
    expect(approved.order).toMatchObject({ flag: "code_only", flagApproved: true, commissionMinor });
    expect(await ledgerSum(cat.id)).not.toHaveProperty("USD.flaggedMinor");
  });
});

describe("one code, one affiliate", () => {
  it("refuses a code another affiliate holds in any case, and a Paddle discount id likewise; a released code can be taken", async () => {
    const a = await createAffiliate();
    const b = await createAffiliate();
    const code = codeOf("Uniq");
    const discountId = uniqueId("dsc_u").toLowerCase();
    expect(await saveCode(owner, a.id, { discountCode: code, paddleDiscountId: discountId })).toMatchObject({ status: 200 });
    expect(await saveCode(owner, b.id, { discountCode: code.toUpperCase() })).toMatchObject({ status: 409, error: "ALREADY_EXISTS", message: expect.stringContaining("belongs to another affiliate") });
    expect(await saveCode(owner, b.id, { discountCode: codeOf("Other"), paddleDiscountId: discountId })).toMatchObject({ status: 409, error: "ALREADY_EXISTS" });
    expect((await db().doc(`affiliates/${b.id}`).get()).get("discountCode")).toBeNull();
    // Saving a's own terms again is fine; giving the code up frees it for b.
    expect(await saveCode(owner, a.id, { discountCode: code.toLowerCase(), paddleDiscountId: discountId })).toMatchObject({ status: 200 });
    expect(await saveCode(owner, a.id, { discountCode: null })).toMatchObject({ status: 200 });
    expect((await db().doc(`discountCodes/paddle:${discountId}`).get()).exists).toBe(false);
    expect(await saveCode(owner, b.id, { discountCode: code })).toMatchObject({ status: 200 });
    expect((await db().doc(`discountCodes/${code.toUpperCase()}`).get()).data()).toMatchObject({ affiliateId: b.id, code });
  });

  it("two owners saving one code in different cases at once: exactly one affiliate gets it", async () => {
    const code = codeOf("Race");
    const racers = await Promise.all([createAffiliate(), createAffiliate(), createAffiliate(), createAffiliate()]);
    const cases = [code, code.toUpperCase(), code.toLowerCase(), `${code.slice(0, 1).toLowerCase()}${code.slice(1).toUpperCase()}`];
    const results = await Promise.all(racers.map((r, i) => saveCode(owner, r.id, { discountCode: cases[i] ?? code })));
    const won = results.flatMap((result, i) => (result.status === 200 ? [racers[i]?.id] : []));
    expect(won).toHaveLength(1);
    for (const result of results) if (result.status !== 200) expect(result).toMatchObject({ status: 409, error: "ALREADY_EXISTS" });
    const holders = await Promise.all(racers.map(async (r) => (await db().doc(`affiliates/${r.id}`).get()).get("discountCode") as unknown));
    expect(holders.filter((h) => h !== null)).toHaveLength(1);
    expect((await db().doc(`discountCodes/${code.toUpperCase()}`).get()).get("affiliateId")).toBe(won[0]);
  });
});
