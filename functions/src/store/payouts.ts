import type { CallableData, CallableOutput } from "../../../contracts/callables/index.js";
import { payoutLockKeyOf } from "../../../contracts/ids.js";
import type { Actor } from "../domain/actor.js";
import { DomainError } from "../domain/errors.js";
import { payableRows, type AffiliateBrief } from "../payouts/payable.js";
import { checkPayout, chunk, payoutIdFor, selectAllocations, type Allocation } from "../payouts/select.js";
import { affiliates, ledgers, orders, payouts } from "./collections.js";
import { auditIn } from "./audit.js";
import { db, Timestamp, type Transaction } from "./firestore.js";
import { prepareOrderChange, writeOrderChange, type PreparedOrderChange } from "./orders.js";
import { closeRequestIn, openRequestIn } from "./payout-requests.js";
import { readProgramSettings } from "./program.js";

/** Orders changed per transaction; the payout document and the lock take the remaining writes. */
export const ORDERS_PER_TRANSACTION = 400;

/** What could be paid today, per affiliate and currency, at or above the threshold. */
export async function payableNow(now: Date): Promise<CallableOutput<"payableNow">> {
  const [shardSnaps, affiliateSnaps, settings] = await Promise.all([ledgers().get(), affiliates().get(), readProgramSettings()]);
  const shards = shardSnaps.docs.map((doc) => doc.data());
  const briefs = new Map<string, AffiliateBrief>(
    affiliateSnaps.docs.map((doc) => {
      const affiliate = doc.data();
      return [doc.id, { name: affiliate.name, email: affiliate.email ?? "", payoutEmail: affiliate.payoutEmail ?? "", status: affiliate.status }];
    }),
  );
  const today = now.toISOString().slice(0, 10);
  return { today, thresholdMinor: settings.payoutThresholdMinor, rows: payableRows(shards.filter((s) => s.affiliateId && s.currency), briefs, now, settings.payoutThresholdMinor) };
}

export type PayoutRequest = Omit<CallableData<"recordPayout">, "asOf">;

/**
 * Records that the owner paid an affiliate: an immutable `payouts/{payoutId}` and, on each settled
 * order, `payouts[payoutId] = remainder` through changeOrderIn (the order trigger then moves the
 * ledger). The selection, the payout document and the orders are written in one transaction when
 * the payout covers at most ORDERS_PER_TRANSACTION orders, so two payouts can never settle the same
 * remainder. Larger payouts continue in further transactions under a per-affiliate-and-currency
 * lock that refuses any other payout until the batch is complete; calling again with the same
 * idempotency key resumes an interrupted batch and otherwise changes nothing.
 */
export async function recordPayout(request: PayoutRequest, owner: Actor, now: Date): Promise<CallableOutput<"recordPayout">> {
  const firestore = db();
  const payoutId = payoutIdFor(request.affiliateId, request.currency, request.idempotencyKey);
  const payoutRef = payouts().doc(payoutId);
  const lockRef = firestore.collection("payoutLocks").doc(payoutLockKeyOf(request.affiliateId, request.currency));

  const first = await firestore.runTransaction(async (tx) => {
    const existing = (await tx.get(payoutRef)).data();
    if (existing) return { created: false, amountMinor: existing.amountMinor ?? 0, items: existing.items, rest: existing.items };
    const [lock, affiliate, settings, found, openRequest] = await Promise.all([
      tx.get(lockRef),
      tx.get(affiliates().doc(request.affiliateId)).then((snap) => snap.data()),
      readProgramSettings(tx),
      tx.get(orders().where("affiliateId", "==", request.affiliateId).where("commissionCurrency", "==", request.currency)),
      openRequestIn(tx, request.affiliateId, request.currency),
    ]);
    if (lock.exists) throw new DomainError("failed-precondition", "Another payout for this affiliate is still being recorded; retry it with its own key first.");
    if (!affiliate) throw new DomainError("not-found", "No such affiliate.");
    const candidates = found.docs.map((doc) => ({ orderKey: doc.id, ...doc.data() }));
    const items = selectAllocations(candidates, request.affiliateId, request.currency, now);
    const check = checkPayout(items, settings.payoutThresholdMinor);
    if (!check.ok) {
      throw new DomainError(
        "failed-precondition",
        check.reason === "nothing" ? "Nothing is payable to this affiliate in this currency." : "The payable amount is below the payout threshold.",
        { reason: check.reason, amountMinor: check.amountMinor },
      );
    }
    const byKey = new Map(found.docs.map((doc) => [doc.id, doc.data()]));
    const [firstRun = [], ...later] = chunk(items, ORDERS_PER_TRANSACTION);
    const prepared: PreparedOrderChange[] = [];
    for (const item of firstRun) {
      const order = byKey.get(item.orderKey);
      if (!order) continue;
      prepared.push(await prepareOrderChange(tx, order.platform, order.orderId, { payout: { payoutId, amountMinor: item.amountMinor } }));
    }
    tx.create(payoutRef.withConverter(null), {
      affiliateId: request.affiliateId,
      currency: request.currency,
      amountMinor: check.amountMinor,
      method: request.method,
      reference: request.reference,
      orderKeys: items.map((i) => i.orderKey),
      items,
      payeeName: affiliate.name,
      payeeEmail: affiliate.payoutEmail ?? affiliate.email ?? "",
      createdAt: Timestamp.fromDate(now),
    });
    // Who recorded it is the owner's business, not the affiliate's, who reads this payout: the audit trail keeps it.
    auditIn(tx, {
      action: "recordPayout",
      by: owner,
      target: { collection: "payouts", id: payoutId },
      before: null,
      after: { affiliateId: request.affiliateId, currency: request.currency, amountMinor: check.amountMinor, method: request.method, reference: request.reference },
    });
    if (openRequest !== null) closeRequestIn(tx, openRequest, payoutId, now);
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
  const snaps = await Promise.all(run.map((item) => tx.get(orders().doc(item.orderKey))));
  const prepared: PreparedOrderChange[] = [];
  for (const [i, snap] of snaps.entries()) {
    const item = run[i];
    const order = snap.data();
    if (!item || !order) continue;
    if (order.payouts[payoutId] !== undefined) continue;
    prepared.push(await prepareOrderChange(tx, order.platform, order.orderId, { payout: { payoutId, amountMinor: item.amountMinor } }));
  }
  for (const p of prepared) writeOrderChange(tx, p);
}
