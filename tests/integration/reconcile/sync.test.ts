// Issue 15: nothing lost when a webhook is. The functions read the platforms' APIs (here a local
// stand-in answering in their documented shapes, with pagination, 429 and 5xx) and record what
// webhooks missed through the same event store and apply, so a late webhook changes nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderKeyOf, subscriptionKeyOf, webhookEventKeyOf } from "../../../contracts/ids";
import { lemonSqueezyEvent, lemonSqueezyInvoice, lemonSqueezySubscriptionCreated, paddleAdjustment, paddleTransactionCompleted, post, type PaddleAdjustmentInput } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, eventually, uniqueId } from "../../support/emulator";
import { startVendorApi, type VendorApi } from "../../support/vendor-api";
import { postOk } from "../order-support";
import { storedOf } from "../webhooks/stored-events";
import { call, ownerIdToken, uniqueOrderId } from "../owner/helpers";
import { lemonSqueezyOrder, lemonSqueezyResource, lemonSqueezyWebhook, paddleAdjustmentEntity, paddleEntity, settledRun, settledRuns, startSync } from "./support";

let api: VendorApi;
let idToken: string;

beforeAll(async () => {
  api = await startVendorApi();
  idToken = (await ownerIdToken()).idToken;
});

afterAll(async () => {
  await api.close();
});

const orderDoc = async (platform: "paddle" | "lemonsqueezy", id: string) => (await db().doc(`orders/${orderKeyOf(platform, id)}`).get()).data();

describe("sync: sales whose webhook was dropped", () => {
  it("records a dropped Paddle sale once with its commission, mails the owner, and a late webhook changes nothing", async () => {
    const affiliate = await createAffiliate();
    const at = new Date(Date.now() - 3_600_000);
    const dropped = uniqueId("txn_sync");
    const delivered = uniqueId("txn_sync");
    const sale = { affiliateId: affiliate.id, totalMinor: 12_000, taxMinor: 2_000, feeMinor: 1_000, occurredAt: at.toISOString() };
    api.transactions.push(paddleEntity({ ...sale, transactionId: dropped }), paddleEntity({ ...sale, transactionId: delivered }));
    // This one's webhook arrived: the sync must count it as known and leave it alone.
    await postOk(paddleTransactionCompleted({ ...sale, transactionId: delivered }));
    const deliveredBefore = await orderDoc("paddle", delivered);
    // The API is busy at first: one 429 with Retry-After, then one 503, then it answers.
    api.failures.push({ match: /^\/paddle\/transactions/, status: 429, times: 1, retryAfter: "1" }, { match: /^\/paddle\/transactions/, status: 503, times: 1 });

    const { runIds, off } = await startSync(idToken, { action: "sync" });
    expect(off).toEqual([]);
    const runs = await settledRuns(runIds);
    expect(runs.paddle).toMatchObject({ status: "done", kind: "sync", error: null });
    expect(runs.paddle?.counts).toMatchObject({ found: 2, alreadyKnown: 1, recorded: 1, unattributed: 0 });
    expect(api.log.filter((l) => l.url.startsWith("/paddle/")).map((l) => l.status).slice(0, 3)).toEqual([429, 503, 200]);

    // 12,000 − 2,000 tax − 1,000 fee = 9,000 net, at the default 50%.
    const order = await orderDoc("paddle", dropped);
    expect(order).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 4_500, status: "paid" });
    const stored = (await db().doc(`webhookEvents/${webhookEventKeyOf("paddle", `sync_${dropped}`)}`).get()).data();
    expect(stored).toMatchObject({ status: "processed", source: "sync", syncRunId: runs.paddle?.id, eventType: "transaction.completed" });
    expect(await orderDoc("paddle", delivered)).toEqual(deliveredBefore);
    const state = (await db().doc("syncState/paddle").get()).data();
    expect(state).toMatchObject({ lastRunId: runs.paddle?.id, lastStatus: "done", lastMissed: 1, checkpoint: at.toISOString() });
    const mail = await db().collection("mail").where("subjectKey", "==", runs.paddle?.id).get();
    expect(mail.docs.map((d) => String(d.get("kind")))).toEqual(["sync-missed-sales"]);
    expect(String(mail.docs[0]?.get("message.subject"))).toMatch(/1 sale from Paddle arrived without their webhook/);

    // Paddle's late delivery of the same sale (its event time a little after billing): nothing changes.
    // The projection is written again by the order trigger (a new updatedAt); its content stays.
    const projection = async () => {
      const { updatedAt: _updatedAt, ...content } = (await db().doc(`commissions/${orderKeyOf("paddle", dropped)}`).get()).data() ?? {};
      return content;
    };
    // The order trigger writes it after the sync has answered: wait for it.
    const commissionBefore = await eventually(async () => ((await db().doc(`commissions/${orderKeyOf("paddle", dropped)}`).get()).exists ? projection() : undefined), "the commission projection");
    await postOk(paddleTransactionCompleted({ ...sale, transactionId: dropped, occurredAt: new Date(at.getTime() + 2_000).toISOString() }));
    const after = await orderDoc("paddle", dropped);
    expect(after?.["facts"]).toEqual(order?.["facts"]);
    expect(after).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 4_500, saleAt: order?.["saleAt"], payableAt: order?.["payableAt"] });
    expect(await projection()).toEqual(commissionBefore);

    // The next sync finds nothing new and mails nobody.
    const again = await settledRuns((await startSync(idToken, { action: "sync" })).runIds);
    expect(again.paddle?.counts).toMatchObject({ recorded: 0 });
    expect((await db().collection("mail").where("subjectKey", "==", again.paddle?.id).get()).size).toBe(0);
  }, 240_000);
});

describe("sync: Paddle refunds whose webhook was dropped", () => {
  it("takes a missed refund back once, past a page of adjustments and a 429; a refund before its sale waits; late webhooks change nothing", async () => {
    const affiliate = await createAffiliate();
    const soldAt = new Date(Date.now() - 2 * 3_600_000).toISOString();
    const refundedAt = new Date(Date.now() - 3_600_000).toISOString();
    const sale = { affiliateId: affiliate.id, totalMinor: 12_000, taxMinor: 2_000, feeMinor: 1_000, occurredAt: soldAt };
    const txn = uniqueId("txn_adj");
    await postOk(paddleTransactionCompleted({ ...sale, transactionId: txn }));
    // Ids grow with time: newest first, the orphan below and the fillers fill the first page (200), the refund is on the second.
    const base = uniqueId("adj_sync");
    const refund: PaddleAdjustmentInput = { adjustmentId: `${base}_a`, transactionId: txn, action: "refund", totalMinor: 6_000, earningsMinor: 4_500, occurredAt: refundedAt };
    api.adjustments.push(paddleAdjustmentEntity(refund, soldAt));
    for (let i = 0; i < 200; i++) {
      api.adjustments.push(paddleAdjustmentEntity({ adjustmentId: `${base}_b${String(i).padStart(3, "0")}`, transactionId: txn, action: "refund", status: "pending_approval", totalMinor: 100, earningsMinor: 80 }));
    }
    // A refund of a sale nobody has heard of yet (its transaction is not listed either).
    const orphanTxn = uniqueId("txn_adj");
    const orphan: PaddleAdjustmentInput = { adjustmentId: `${base}_c`, transactionId: orphanTxn, action: "refund", type: "full", totalMinor: 12_000, earningsMinor: 9_000, occurredAt: refundedAt };
    api.adjustments.push(paddleAdjustmentEntity(orphan));
    api.failures.push({ match: /^\/paddle\/adjustments/, status: 429, times: 1, retryAfter: "1" });
    const logStart = api.log.length;

    const runs = await settledRuns((await startSync(idToken, { action: "sync" })).runIds);
    expect(runs.paddle).toMatchObject({ status: "done", error: null });
    expect(runs.paddle?.counts).toMatchObject({ recorded: 0, refunds: 2 });
    const adjustmentCalls = api.log.slice(logStart).filter((l) => l.url.startsWith("/paddle/adjustments"));
    expect(adjustmentCalls.map((l) => l.status).slice(0, 2)).toEqual([429, 200]);
    expect(adjustmentCalls.filter((l) => l.status === 200).map((l) => decodeURIComponent(l.url).match(/after=([^&]+)/)?.[1] ?? null)).toEqual([null, `${base}_b001`]);

    // Half the seller's net refunded: half the 4,500 commission is taken back.
    const order = await orderDoc("paddle", txn);
    expect(order).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 2_250 });
    expect(Object.keys((order?.["facts"] as { refunds: Record<string, unknown> }).refunds)).toEqual([refund.adjustmentId]);
    const stored = (await db().doc(`webhookEvents/${webhookEventKeyOf("paddle", `sync_${refund.adjustmentId}`)}`).get()).data();
    expect(stored).toMatchObject({ status: "processed", source: "sync", eventType: "adjustment.updated" });
    // The refund without its sale waits on the order, as its webhook's would.
    expect(await orderDoc("paddle", orphanTxn)).toMatchObject({ status: "awaiting_sale", commissionMinor: 0 });

    // Paddle's late delivery changes nothing; the next sync records nothing again.
    await postOk(paddleAdjustment(refund));
    const after = await orderDoc("paddle", txn);
    expect(after?.["facts"]).toEqual(order?.["facts"]);
    expect(after).toMatchObject({ commissionMinor: 2_250 });
    const again = await settledRuns((await startSync(idToken, { action: "sync" })).runIds);
    expect(again.paddle?.counts).toMatchObject({ recorded: 0, refunds: 0 });
    expect((await orderDoc("paddle", txn))?.["facts"]).toEqual(order?.["facts"]);

    // The orphan's sale arrives at last: the waiting full refund nets it to nothing.
    await postOk(paddleTransactionCompleted({ ...sale, transactionId: orphanTxn }));
    expect(await orderDoc("paddle", orphanTxn)).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 0 });
    api.adjustments.length = 0;
  }, 240_000);
});

describe("sync: Lemon Squeezy renewals whose webhook was dropped", () => {
  it("links the subscription to its first order's affiliate and credits the renewals once, under the affiliate's policy; late webhooks change nothing", async () => {
    const affiliate = await createAffiliate();
    await db().doc(`affiliates/${affiliate.id}`).update({ recurringPolicy: { kind: "payments", limit: 2 } });
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();
    // Lemon Squeezy ids are integers: these stay below 2^53 as the subscription's `order_id`.
    const lsId = () => String(Math.floor(Math.random() * 1e9));
    const [orderId, sub, i1, i2, i3] = [lsId(), lsId(), lsId(), lsId(), lsId()];
    // The first payment's webhook arrived, with the referral; everything after it was dropped.
    const first = { orderId, affiliateId: affiliate.id, subtotalMinor: 1_000, createdAt: hoursAgo(5), productName: "Membership" };
    await postOk(lemonSqueezyEvent("order_created", first));
    api.orders.push(lemonSqueezyOrder(first));
    const created = lemonSqueezySubscriptionCreated({ subscriptionId: sub, orderId, affiliateId: affiliate.id, createdAt: hoursAgo(5) });
    api.subscriptions.push(lemonSqueezyResource(created));
    const renewal = (invoiceId: string, createdAt: string, billingReason: "initial" | "renewal" = "renewal") =>
      lemonSqueezyInvoice("subscription_payment_success", { invoiceId, subscriptionId: sub, affiliateId: affiliate.id, billingReason, subtotalMinor: 1_000, createdAt });
    const renewals = [renewal(i1, hoursAgo(5), "initial"), renewal(i2, hoursAgo(3)), renewal(i3, hoursAgo(1))];
    api.invoices.push(...renewals.map(lemonSqueezyResource));
    api.failures.push({ match: /^\/lemonsqueezy\/v1\/subscription-invoices/, status: 429, times: 1, retryAfter: "1" });

    const runs = await settledRuns((await startSync(idToken, { action: "sync" })).runIds);
    expect(runs.lemonsqueezy).toMatchObject({ status: "done", error: null });
    // The order and the two renewals; the third payment is beyond the limit of 2, so it is recorded unattributed.
    expect(runs.lemonsqueezy?.counts).toMatchObject({ found: 3, alreadyKnown: 1, recorded: 2, unattributed: 1 });
    const invoiceOrder = (id: string) => orderDoc("lemonsqueezy", `invoice-${id}`);
    expect(await invoiceOrder(i1)).toBeUndefined();
    const second = await invoiceOrder(i2);
    expect(second).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 500, payment: { number: 2 } });
    expect(await invoiceOrder(i3)).toMatchObject({ affiliateId: null, commissionMinor: 0, payment: { number: 3 }, attribution: { reason: "beyond_policy" } });
    const subscription = (await db().doc(`subscriptions/${subscriptionKeyOf("lemonsqueezy", sub)}`).get()).data();
    expect(subscription).toMatchObject({ affiliateId: affiliate.id, firstOrderId: orderId, policy: { kind: "payments", limit: 2 }, paymentsCredited: 2 });

    // The webhooks Lemon Squeezy retries late land on the keys the sync used: nothing changes.
    for (const late of [created, renewals[1], renewals[2]]) if (late) await postOk(late);
    expect((await invoiceOrder(i2))?.["facts"]).toEqual(second?.["facts"]);
    expect(await invoiceOrder(i2)).toMatchObject({ affiliateId: affiliate.id, commissionMinor: 500 });
    expect(await invoiceOrder(i3)).toMatchObject({ affiliateId: null, commissionMinor: 0 });
    const again = await settledRuns((await startSync(idToken, { action: "sync" })).runIds);
    expect(again.lemonsqueezy?.counts).toMatchObject({ found: 3, alreadyKnown: 3, recorded: 0 });
    const events = await db().collection("webhookEvents").where("syncRunId", "==", again.lemonsqueezy?.id).get();
    expect(events.size).toBe(0);
    api.orders.length = 0;
    api.subscriptions.length = 0;
    api.invoices.length = 0;
  }, 240_000);
});

describe("backfill", () => {
  it("an interrupted Lemon Squeezy backfill resumes from its page, with counts, and records each order once", async () => {
    const from = new Date(Date.now() - 40 * 86_400_000);
    const ids: string[] = [];
    for (let i = 0; i < 120; i++) {
      const orderId = uniqueOrderId();
      ids.push(orderId);
      api.orders.push(lemonSqueezyOrder({ orderId, subtotalMinor: 2_000 + i, createdAt: new Date(from.getTime() + 86_400_000 + i * 60_000).toISOString() }));
    }
    // Page 2 keeps failing past the client's tries: the run stops after page 1, resumable.
    api.failures.push({ match: /\/v1\/orders\?page\[number\]=2/, status: 500, times: 5 });
    const day = from.toISOString().slice(0, 10);
    const [runId] = (await startSync(idToken, { action: "backfill", platform: "lemonsqueezy", from: day })).runIds;
    const stopped = await settledRun(runId ?? "");
    expect(stopped).toMatchObject({ status: "failed", kind: "backfill", cursor: expect.stringContaining("page[number]=2") });
    expect(stopped.error).toMatch(/500/);
    expect(stopped.counts).toMatchObject({ pages: 1, recorded: 100 });

    await startSync(idToken, { action: "resume", runId });
    const done = await settledRun(runId ?? "");
    expect(done).toMatchObject({ status: "done", error: null, cursor: null });
    // Two pages of orders, then one each of subscriptions and invoices (none here). Without custom
    // data from the API, nobody is credited: the owner sees them as unattributed.
    expect(done.counts).toMatchObject({ pages: 4, found: 120, alreadyKnown: 0, recorded: 120, unattributed: 120 });
    for (const id of [ids[0], ids[60], ids[119]]) {
      expect(await orderDoc("lemonsqueezy", id ?? "")).toMatchObject({ status: "paid", affiliateId: null });
    }
    const events = await db().collection("webhookEvents").where("syncRunId", "==", runId).get();
    expect(events.size).toBe(120);

    // The same period again: everything is known, nothing is recorded twice.
    const [rerunId] = (await startSync(idToken, { action: "backfill", platform: "lemonsqueezy", from: day })).runIds;
    expect((await settledRun(rerunId ?? "")).counts).toMatchObject({ found: 120, alreadyKnown: 120, recorded: 0 });
    api.orders.length = 0;
  }, 300_000);
});

describe("Lemon Squeezy discount codes", () => {
  it("a discounted order's code is looked up when it is applied; when the API fails the event is kept failed and a replay records it", async () => {
    const orderId = uniqueOrderId();
    const discounted = { discount_total: 500, discount_total_usd: 500 };
    api.redemptions.set(orderId, [{ discount_id: 77, discount_code: "ADA15", amount: 500 }]);
    api.failures.push({ match: /discount-redemptions/, status: 429, times: 1, retryAfter: "1" });
    await postOk(lemonSqueezyWebhook({ orderId, subtotalMinor: 5_000 }, discounted));
    const order = await orderDoc("lemonsqueezy", orderId);
    expect(order?.["facts"]).toMatchObject({ sale: { discount: { code: "ADA15", platformId: "77" } } });

    const failing = uniqueOrderId();
    api.redemptions.set(failing, [{ discount_id: 78, discount_code: "GRACE10", amount: 500 }]);
    api.failures.push({ match: new RegExp(`filter\\[order_id\\]=${failing}`), status: 502, times: 5 });
    const request = lemonSqueezyWebhook({ orderId: failing, subtotalMinor: 5_000 }, discounted);
    expect((await post(request)).status).toBe(500);
    expect(await orderDoc("lemonsqueezy", failing)).toBeUndefined();
    expect((await storedOf(request).get()).data()).toMatchObject({ status: "failed", stage: "apply", error: expect.stringMatching(/502/) });
    // Lemon Squeezy's retry, once its API answers again, records the sale with its code.
    await postOk(request);
    expect((await orderDoc("lemonsqueezy", failing))?.["facts"]).toMatchObject({ sale: { discount: { code: "GRACE10", platformId: "78" } } });
  }, 180_000);

  it("a sale with no referral id is credited to the affiliate whose code the API names, whatever its case (issue 14)", async () => {
    const ana = await createAffiliate();
    const code = uniqueId("LsAna").replace(/[^A-Za-z0-9_-]/g, "").slice(0, 40);
    const terms = { affiliateId: ana.id, rateBps: null, cookieDays: null, slug: null, discountCode: code, courseRates: {} };
    expect(await call("updateAffiliate", terms, idToken)).toMatchObject({ status: 200 });
    const orderId = uniqueOrderId();
    api.redemptions.set(orderId, [{ discount_id: 91, discount_code: code.toLowerCase(), amount: 500 }]);
    await postOk(lemonSqueezyWebhook({ orderId, subtotalMinor: 5_000 }, { discount_total: 500, discount_total_usd: 500 }));
    const order = await orderDoc("lemonsqueezy", orderId);
    expect(order).toMatchObject({ affiliateId: ana.id, attribution: { rule: "discount_code", reason: null, discountCode: code.toLowerCase(), codeAffiliateId: ana.id } });
    expect(order?.["commissionMinor"]).toBeGreaterThan(0);
  }, 180_000);
});
