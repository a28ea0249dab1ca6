// Sale, refund and chargeback emails, end to end: signed webhook → Hosting → function → order →
// trigger → `mail/{id}` documents. Runs against the shared emulators; reads only its own orders.
import { orderKeyOf } from "../../../contracts/ids";
import { beforeAll, describe, expect, it } from "vitest";
import { handleOrderWritten } from "../../../functions/src/triggers/on-order-written.js";
import { lemonSqueezyEvent, paddleAdjustment, paddleTransactionCompleted } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import {
  byKind,
  ledgerCaughtUp,
  mailsOf,
  orderNumber,
  postOk,
  readOrder,
  settledMails,
  storedLedgers,
  useFunctionParams,
} from "../order-support";

const OWNER = "owner@demo.test";

beforeAll(() => {
  db(); // the Admin app and emulator hosts, before the functions code asks for them
  useFunctionParams();
});

describe("sale emails", () => {
  it("a Lemon Squeezy sale sends the affiliate what they earned and the owner the sale, once each", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700 }));

    const mails = await settledMails(orderKey, 2);
    const toAffiliate = byKind(mails, "sale-affiliate");
    expect(toAffiliate.to).toEqual([affiliate.email]);
    expect(toAffiliate.subject).toBe("You just earned $48.50: TypeScript from Scratch");
    expect(toAffiliate.text).toContain("Sale amount: $97.00");
    expect(toAffiliate.text).toContain("Your commission: $48.50");
    expect(toAffiliate.text).toMatch(/Payable from: [A-Z][a-z]+ \d{1,2}, \d{4}/);
    expect(toAffiliate.text).not.toContain("student@example.com"); // no customer data for affiliates

    const toOwner = byKind(mails, "sale-owner");
    expect(toOwner.to).toContain(OWNER);
    expect(toOwner.to).not.toContain(affiliate.email);
    expect(toOwner.subject).toBe(`New sale: TypeScript from Scratch ($97.00), via ${affiliate.name}`);
    expect(toOwner.text).toContain("Customer: student@example.com");
    expect(toOwner.text).toContain(`Order: ${orderKey}`);
  });

  it("a trigger delivered again (same before/after) and a re-run ledger sync change nothing", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700 }));
    const sold = await ledgerCaughtUp(orderKey);
    const firstMails = await settledMails(orderKey, 2);
    const ledgerBefore = await storedLedgers(affiliate.id);

    // The emulator already delivered this write once; deliver it twice more, as a retry would.
    expect(await handleOrderWritten(orderKey, null, sold)).toEqual({ deltas: 0, mails: 0 });
    expect(await handleOrderWritten(orderKey, null, sold)).toEqual({ deltas: 0, mails: 0 });
    expect(await handleOrderWritten(orderKey, sold, sold)).toEqual({ deltas: 0, mails: 0 });
    expect(await mailsOf(orderKey)).toEqual(firstMails);
    expect(await storedLedgers(affiliate.id)).toEqual(ledgerBefore);

    // The same for a refund's write: the before/after pair the trigger saw, delivered twice more.
    await postOk(
      lemonSqueezyEvent("order_refunded", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, refundedMinor: 2000, updatedAt: new Date().toISOString() }),
    );
    const refunded = await ledgerCaughtUp(orderKey, (o) => o.status === "partially_refunded");
    const afterRefund = await settledMails(orderKey, 4);
    const ledgerAfterRefund = await storedLedgers(affiliate.id);
    expect(await handleOrderWritten(orderKey, sold, refunded)).toEqual({ deltas: 0, mails: 0 });
    expect(await handleOrderWritten(orderKey, sold, refunded)).toEqual({ deltas: 0, mails: 0 });
    expect(await mailsOf(orderKey)).toEqual(afterRefund);
    expect(await storedLedgers(affiliate.id)).toEqual(ledgerAfterRefund);
  });

  it("an unattributed sale notifies only the owner, with the order marked unattributed", async () => {
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    await postOk(lemonSqueezyEvent("order_created", { orderId, subtotalMinor: 4900, productId: "2", productName: "React in Depth" }));
    const [mail] = await settledMails(orderKey, 1);
    expect(mail?.kind).toBe("sale-owner");
    expect(mail?.to).toContain(OWNER);
    expect(mail?.subject).toBe("New sale: React in Depth ($49.00), unattributed");
    expect(mail?.text).toContain("Affiliate: Unattributed");
    expect(mail?.text).toContain("Attribution: no affiliate reference");
    expect((await db().doc(`commissions/${orderKey}`).get()).exists).toBe(false);
  });

  it("an unknown affiliate reference is flagged for review to the owner", async () => {
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const ghost = uniqueId("aff_ghost");
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: ghost, subtotalMinor: 4900 }));
    const [mail] = await settledMails(orderKey, 1);
    expect(mail?.subject.startsWith("[Needs review] New sale:")).toBe(true);
    expect(mail?.text).toContain(`the affiliate reference "${ghost}"`);
  });

  it("a self-referral reaches the owner flagged and the affiliate as awaiting review", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, email: affiliate.email }));
    const mails = await settledMails(orderKey, 2);
    expect(byKind(mails, "sale-owner").subject).toMatch(/^\[Needs review\] New sale: TypeScript from Scratch/);
    expect(byKind(mails, "sale-owner").text).toContain(`looks like a self-referral by ${affiliate.name}`);
    expect(byKind(mails, "sale-affiliate").subject).toBe("A sale of TypeScript from Scratch awaits review");
    const shards = await storedLedgers(affiliate.id);
    expect(Object.values(shards).map((s) => [s.flaggedMinor, s.pendingByDay])).toEqual([[4850, {}]]);
  });

  it("a test event sends nothing and earns nothing", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, test: true }));
    const order = await eventually(async () => (await readOrder(orderKey)) ?? undefined, "test order");
    expect(order.test).toBe(true);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(await mailsOf(orderKey)).toEqual([]);
    expect((await db().doc(`commissions/${orderKey}`).get()).exists).toBe(false);
    expect(await storedLedgers(affiliate.id)).toEqual({});
  });

  it("escapes a course title and an affiliate name carrying markup in the HTML body", async () => {
    const affiliate = await createAffiliate({ name: `Eve <img src=x onerror="alert(1)">` });
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const title = `<script>alert("pwned")</script> & Friends`;
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, productId: "987654", productName: title }));
    const mails = await settledMails(orderKey, 2);
    for (const mail of mails) {
      expect(mail.html).toContain("&lt;script&gt;alert(&quot;pwned&quot;)&lt;/script&gt; &amp; Friends");
      expect(mail.html).not.toMatch(/<script|<img/i);
      expect(mail.text).toContain(title); // plain text carries it as written
      expect(mail.subject).not.toMatch(/[\r\n]/);
    }
    expect(byKind(mails, "sale-affiliate").html).toContain("Hi Eve &lt;img src=x onerror=&quot;alert(1)&quot;&gt;,");
  });
});

describe("a mail that cannot be sent", () => {
  it("is skipped without failing the trigger: the owner still hears of the sale, the ledger is right", async () => {
    const affiliate = await createAffiliate();
    await db().doc(`affiliates/${affiliate.id}`).update({ email: "not an address" });
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700 }));
    const order = await ledgerCaughtUp(orderKey);
    const [mail] = await settledMails(orderKey, 1);
    expect(mail?.kind).toBe("sale-owner");
    // A retry would change nothing and must not throw (a throwing trigger is retried for days).
    await expect(handleOrderWritten(orderKey, null, order)).resolves.toEqual({ deltas: 0, mails: 0 });
    expect(await mailsOf(orderKey)).toHaveLength(1);
  });
});

describe("refund and chargeback emails", () => {
  it("each Lemon Squeezy refund is announced with the amount refunded that time", async () => {
    const affiliate = await createAffiliate();
    const orderId = orderNumber();
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const createdAt = new Date(Date.now() - 60_000).toISOString();
    await postOk(lemonSqueezyEvent("order_created", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, createdAt }));
    await settledMails(orderKey, 2, 500);
    const refund = (refundedMinor: number, at: number) =>
      lemonSqueezyEvent("order_refunded", { orderId, affiliateId: affiliate.id, subtotalMinor: 9700, refundedMinor, createdAt, updatedAt: new Date(at).toISOString() });
    await postOk(refund(1000, Date.now() - 30_000));
    await ledgerCaughtUp(orderKey, (o) => o.refundedGrossMinor === 1000);
    await settledMails(orderKey, 4, 500);
    await postOk(refund(3000, Date.now()));
    await ledgerCaughtUp(orderKey, (o) => o.refundedGrossMinor === 3000);
    const mails = await settledMails(orderKey, 6);

    const toAffiliate = mails.filter((m) => m.kind === "refund-affiliate").map((m) => m.subject).sort();
    // 9700 → 8700 → 6700 refunded base at 50%: 4850 → 4350 → 3350.
    expect(toAffiliate).toEqual([
      "Partial refund: TypeScript from Scratch, your commission is now $33.50",
      "Partial refund: TypeScript from Scratch, your commission is now $43.50",
    ]);
    const owner = mails.filter((m) => m.kind === "refund-owner").map((m) => m.subject).sort();
    expect(owner).toEqual(["Partial refund: TypeScript from Scratch ($10.00)", "Partial refund: TypeScript from Scratch ($20.00)"]);
    const second = mails.find((m) => m.kind === "refund-affiliate" && m.subject.endsWith("$33.50"));
    expect(second?.text).toContain("$10.00 of your commission was taken back.");
  });

  it("a Paddle refund, a chargeback and its reversal each send the affiliate and the owner what changed", async () => {
    const affiliate = await createAffiliate();
    const txn = uniqueId("txn_t");
    const orderKey = orderKeyOf("paddle", txn);
    // total 11800, tax 1800, fee 590 → earnings 9410 → commission 4705.
    await postOk(paddleTransactionCompleted({ transactionId: txn, affiliateId: affiliate.id, customerId: uniqueId("ctm_t"), totalMinor: 11800, taxMinor: 1800, feeMinor: 590 }));
    await ledgerCaughtUp(orderKey);
    const sale = await settledMails(orderKey, 2, 500);
    expect(byKind(sale, "sale-affiliate").subject).toBe("You just earned $47.05: TypeScript from Scratch");

    await postOk(paddleAdjustment({ adjustmentId: uniqueId("adj_t"), transactionId: txn, action: "refund", totalMinor: 2360, earningsMinor: 1882 }));
    await ledgerCaughtUp(orderKey, (o) => o.status === "partially_refunded");
    const refunded = await settledMails(orderKey, 4, 500);
    // (9410 − 1882) × 50% = 3764.
    expect(byKind(refunded, "refund-affiliate").subject).toBe("Partial refund: TypeScript from Scratch, your commission is now $37.64");
    expect(byKind(refunded, "refund-affiliate").text).toContain("$9.41 of your commission was taken back.");
    expect(byKind(refunded, "refund-owner").subject).toBe("Partial refund: TypeScript from Scratch ($23.60)");

    await postOk(paddleAdjustment({ adjustmentId: uniqueId("adj_cb"), transactionId: txn, action: "chargeback", totalMinor: 11800, earningsMinor: 9410 }));
    await ledgerCaughtUp(orderKey, (o) => o.status === "chargeback");
    const charged = await settledMails(orderKey, 6, 500);
    const opened = charged.filter((m) => m.kind === "chargeback-affiliate");
    expect(opened.map((m) => m.subject)).toEqual(["Chargeback opened: TypeScript from Scratch, your commission is now $0.00"]);
    expect(opened[0]?.text).toContain("$37.64 of your commission was taken back.");
    let shards = Object.values(await storedLedgers(affiliate.id));
    expect(shards.map((s) => [s.earnedMinor, s.reversedMinor, s.pendingByDay])).toEqual([[0, 4705, {}]]);

    await postOk(paddleAdjustment({ adjustmentId: uniqueId("adj_cbr"), transactionId: txn, action: "chargeback_reverse", totalMinor: 11800, earningsMinor: 9410 }));
    await ledgerCaughtUp(orderKey, (o) => o.status === "partially_refunded");
    const reversed = await settledMails(orderKey, 8);
    const restored = reversed.filter((m) => m.kind === "chargeback-affiliate" && m.subject.startsWith("Chargeback reversed"));
    expect(restored.map((m) => m.subject)).toEqual(["Chargeback reversed: TypeScript from Scratch, your commission is now $37.64"]);
    expect(restored[0]?.text).toContain("$37.64 of your commission was restored.");
    expect(reversed.filter((m) => m.kind === "chargeback-owner").map((m) => m.subject).sort()).toEqual([
      "Chargeback opened: TypeScript from Scratch",
      "Chargeback reversed: TypeScript from Scratch",
    ]);
    shards = Object.values(await storedLedgers(affiliate.id));
    expect(shards.map((s) => [s.earnedMinor, s.reversedMinor, s.sales, s.refunds])).toEqual([[3764, 941, 1, 1]]);
  });
});
