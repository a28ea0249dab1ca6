import { HttpsError } from "firebase-functions/https";
import type { CallableData, CallableOutput } from "../../../contracts/callables/index.js";
import { payoutLockKeyOf } from "../../../contracts/ids.js";
import { readLedgerShard } from "../../../contracts/ledger.js";
import { programSettings } from "../../../contracts/program-settings.js";
import type { Owner } from "../owner/access.js";
import { payableRows, type AffiliateBrief } from "../payouts/payable.js";
import { checkPayout, chunk, payoutIdFor, selectAllocations, type Allocation, type PayoutCandidate } from "../payouts/select.js";
import { db, Timestamp, type Transaction } from "./firestore.js";
import { prepareOrderChange, writeOrderChange, type OrderDoc, type PreparedOrderChange } from "./orders.js";

/** Orders changed per transaction; the payout document and the lock take the remaining writes. */
export const ORDERS_PER_TRANSACTION = 400;

/** What could be paid today, per affiliate and currency, at or above the threshold. */
export async function payableNow(now: Date): Promise<CallableOutput<"payableNow">> {
  const firestore = db();
  const [ledgers, affiliates, settingsSnap] = await Promise.all([
    firestore.collection("ledgers").get(),
    firestore.collection("affiliates").get(),
    firestore.collection("settings").doc("program").get(),
  ]);
  const settings = programSettings(settingsSnap.data());
  const shards = ledgers.docs.map((doc) => readLedgerShard(doc.data()));
  const briefs = new Map<string, AffiliateBrief>(
    affiliates.docs.map((doc) => [
      doc.id,
      {
        name: String(doc.get("displayName") || doc.get("name") || ""),
        email: String(doc.get("email") ?? ""),
        payoutEmail: String(doc.get("payoutEmail") ?? ""),
        status: (doc.get("status") as string | undefined) ?? null,
      },
    ]),
  );
  const today = now.toISOString().slice(0, 10);
  return { today, thresholdMinor: settings.payoutThresholdMinor, rows: payableRows(shards.filter((s) => s.affiliateId && s.currency), briefs, today, settings.payoutThresholdMinor) };
}

export type PayoutRequest = Omit<CallableData<"recordPayout">, "asOf">;

interface StoredPayout {
  amountMinor: number;
  items: Allocation[];
}

/**
 * Records that the owner paid an affiliate: an immutable `payouts/{payoutId}` and, on each settled
 * order, `payouts[payoutId] = remainder` through changeOrderIn (the order trigger then moves the
 * ledger). The selection, the payout document and the orders are written in one transaction when
 * the payout covers at most ORDERS_PER_TRANSACTION orders, so two payouts can never settle the same
 * remainder. Larger payouts continue in further transactions under a per-affiliate-and-currency
 * lock that refuses any other payout until the batch is complete; calling again with the same
 * idempotency key resumes an interrupted batch and otherwise changes nothing.
 */
export async function recordPayout(request: PayoutRequest, owner: Owner, now: Date): Promise<CallableOutput<"recordPayout">> {
  const firestore = db();
  const payoutId = payoutIdFor(request.affiliateId, request.currency, request.idempotencyKey);
  const payoutRef = firestore.collection("payouts").doc(payoutId);
  const lockRef = firestore.collection("payoutLocks").doc(payoutLockKeyOf(request.affiliateId, request.currency));

  const first = await firestore.runTransaction(async (tx) => {
    const existing = await tx.get(payoutRef);
    if (existing.exists) {
      const stored = existing.data() as StoredPayout;
      return { created: false, amountMinor: stored.amountMinor, items: stored.items ?? [], rest: stored.items ?? [] };
    }
    const [lock, affiliate, settingsSnap, orders] = await Promise.all([
      tx.get(lockRef),
      tx.get(firestore.collection("affiliates").doc(request.affiliateId)),
      tx.get(firestore.collection("settings").doc("program")),
      tx.get(
        firestore
          .collection("orders")
          .where("affiliateId", "==", request.affiliateId)
          .where("commissionCurrency", "==", request.currency),
      ),
    ]);
    if (lock.exists) throw new HttpsError("failed-precondition", "Another payout for this affiliate is still being recorded; retry it with its own key first.");
    if (!affiliate.exists) throw new HttpsError("not-found", "No such affiliate.");
    const candidates = orders.docs.map((doc) => candidateOf(doc.id, doc.data() as OrderDoc));
    const items = selectAllocations(candidates, request.affiliateId, request.currency, now);
    const check = checkPayout(items, programSettings(settingsSnap.data()).payoutThresholdMinor);
    if (!check.ok) {
      throw new HttpsError(
        "failed-precondition",
        check.reason === "nothing" ? "Nothing is payable to this affiliate in this currency." : "The payable amount is below the payout threshold.",
        { reason: check.reason, amountMinor: check.amountMinor },
      );
    }
    const byKey = new Map(orders.docs.map((doc) => [doc.id, doc.data() as OrderDoc]));
    const [firstRun = [], ...later] = chunk(items, ORDERS_PER_TRANSACTION);
    const prepared: PreparedOrderChange[] = [];
    for (const item of firstRun) {
      const order = byKey.get(item.orderKey);
      if (!order) continue;
      prepared.push(await prepareOrderChange(tx, order.platform, order.orderId, { payout: { payoutId, amountMinor: item.amountMinor } }));
    }
    tx.create(payoutRef, {
      affiliateId: request.affiliateId,
      currency: request.currency,
      amountMinor: check.amountMinor,
      method: request.method,
      reference: request.reference,
      orderKeys: items.map((i) => i.orderKey),
      items,
      payeeName: String(affiliate.get("displayName") || affiliate.get("name") || ""),
      payeeEmail: String(affiliate.get("payoutEmail") || affiliate.get("email") || ""),
      createdAt: Timestamp.fromDate(now),
      createdBy: owner.uid,
      createdByEmail: owner.email,
    });
    if (later.length > 0) tx.create(lockRef, { payoutId, createdAt: Timestamp.fromDate(now) });
    for (const p of prepared) writeOrderChange(tx, p);
    return { created: true, amountMinor: check.amountMinor, items, rest: later.flat() };
  });

  // Later runs, or a resumed batch: each order is skipped once it carries this payout.
  for (const run of chunk(first.rest, ORDERS_PER_TRANSACTION)) {
    await firestore.runTransaction((tx) => applyRun(tx, payoutId, run));
  }
  await firestore.runTransaction(async (tx) => {
    const lock = await tx.get(lockRef);
    if (lock.exists && lock.get("payoutId") === payoutId) tx.delete(lockRef);
  });
  return { payoutId, created: first.created, amountMinor: first.amountMinor, orderCount: first.items.length };
}

async function applyRun(tx: Transaction, payoutId: string, run: readonly Allocation[]): Promise<void> {
  const orders = db().collection("orders");
  const snaps = await Promise.all(run.map((item) => tx.get(orders.doc(item.orderKey))));
  const prepared: PreparedOrderChange[] = [];
  for (const [i, snap] of snaps.entries()) {
    const item = run[i];
    if (!item || !snap.exists) continue;
    const order = snap.data() as OrderDoc;
    if (order.payouts?.[payoutId] !== undefined) continue;
    prepared.push(await prepareOrderChange(tx, order.platform, order.orderId, { payout: { payoutId, amountMinor: item.amountMinor } }));
  }
  for (const p of prepared) writeOrderChange(tx, p);
}

function candidateOf(orderKey: string, order: OrderDoc): PayoutCandidate {
  return {
    orderKey,
    affiliateId: order.affiliateId,
    commissionCurrency: order.commissionCurrency,
    commissionMinor: order.commissionMinor,
    paidOutMinor: order.paidOutMinor,
    payableAt: order.payableAt ? order.payableAt.toDate().toISOString() : null,
    flag: order.flag,
    flagApproved: order.flagApproved,
    test: order.test,
  };
}
