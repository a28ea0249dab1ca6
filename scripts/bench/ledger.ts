import { ledgerKeyOf, orderKeyOf } from "../../contracts/ids";
import { randomInt } from "node:crypto";
import { getFirestore, Timestamp } from "firebase-admin/firestore";
import { shardOf } from "../../functions/src/ledger/contribution";
import { lemonSqueezyEvent, post } from "../lib/webhooks";
import { adminApp } from "../seed/seed";
import { percentile } from "./stats";
import { createAffiliate } from "../../tests/support/emulator";

// Firestore writes per sale and the delay from webhook POST to the affiliate's ledger, measured
// against the running emulators with an affiliate and orders of the bench's own.

/**
 * Every document write an attributed sale causes, in path order. The extension's writes are listed
 * apart because they happen only where it runs (production, or the emulators with `extensions`).
 */
export const WRITES_PER_ATTRIBUTED_SALE = [
  "webhookEvents/{platform}_{eventKey}: create (stored before anything else)",
  "orders/{orderKey}: set (inside the apply transaction)",
  "webhookEvents/{platform}_{eventKey}: update status=processed (same transaction)",
  "ledgers/{affiliateId}_{currency}_{shard}: set merge with increments (syncLedger transaction)",
  "commissions/{orderKey}: set with `applied` (same transaction)",
  "mail/{sale-affiliate id}: create",
  "mail/{sale-owner id}: create",
] as const;
/** An unattributed sale: no ledger, no projection, only the owner's email. */
export const WRITES_PER_UNATTRIBUTED_SALE = 4;
/** The Trigger Email extension sets `delivery` PENDING, then PROCESSING, then SUCCESS/ERROR. */
export const EXTENSION_WRITES_PER_MAIL = 3;

const SALES = 20;

export async function benchLedger(): Promise<Record<string, string | number>> {
  const db = getFirestore(adminApp());
  const { id: affiliateId } = await createAffiliate();

  const latencies: number[] = [];
  const observed: number[] = [];
  for (let i = 0; i < SALES; i++) {
    const orderId = `${randomInt(100_000, 999_999)}${randomInt(100_000, 999_999)}`;
    const orderKey = orderKeyOf("lemonsqueezy", orderId);
    const ledger = db.doc(`ledgers/${ledgerKeyOf({ affiliateId, currency: "USD", shard: shardOf(orderKey) })}`);
    const salesBefore = ((await ledger.get()).get("sales") as number | undefined) ?? 0;
    const started = performance.now();
    const res = await post(lemonSqueezyEvent("order_created", { orderId, affiliateId, subtotalMinor: 9700 + i }));
    if (res.status !== 200) throw new Error(`webhook answered ${res.status}: ${await res.text()}`);
    // The ledger shard is the last write of the sale's money path; poll it tightly.
    for (;;) {
      const sales = ((await ledger.get()).get("sales") as number | undefined) ?? 0;
      if (sales > salesBefore) break;
      if (performance.now() - started > 30_000) throw new Error(`ledger not updated for ${orderKey}`);
      await new Promise((r) => setTimeout(r, 10));
    }
    latencies.push(performance.now() - started);
    observed.push(await countWrites(orderKey, affiliateId));
  }
  latencies.sort((a, b) => a - b);
  observed.sort((a, b) => a - b);
  const extension = 2 * EXTENSION_WRITES_PER_MAIL;
  return {
    sales: SALES,
    "writes per attributed sale (by construction)": WRITES_PER_ATTRIBUTED_SALE.length,
    "writes per attributed sale incl. Trigger Email": WRITES_PER_ATTRIBUTED_SALE.length + extension,
    "writes per unattributed sale (by construction)": WRITES_PER_UNATTRIBUTED_SALE,
    "writes per sale observed (min..max)": `${observed[0]}..${observed[observed.length - 1]}`,
    "webhook POST → ledger updated p50 (ms)": Math.round(percentile(latencies, 50)),
    "webhook POST → ledger updated p95 (ms)": Math.round(percentile(latencies, 95)),
    "webhook POST → ledger updated max (ms)": Math.round(latencies[latencies.length - 1] ?? Number.NaN),
  };
}

/**
 * Counts the writes of one sale that can be seen afterwards: the documents it created (event,
 * order, projection, mails), the event's second write (status processed) and the ledger shard
 * touched by it (its `updatedAt` equals the projection's, both set in the same transaction).
 */
async function countWrites(orderKey: string, affiliateId: string): Promise<number> {
  const db = getFirestore(adminApp());
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [events, order, commission, mails] = await Promise.all([
      db.collection("webhookEvents").where("orderKey", "==", orderKey).get(),
      db.doc(`orders/${orderKey}`).get(),
      db.doc(`commissions/${orderKey}`).get(),
      db.collection("mail").where("subjectKey", "==", orderKey).get(),
    ]);
    const shard = await db.doc(`ledgers/${ledgerKeyOf({ affiliateId, currency: "USD", shard: shardOf(orderKey) })}`).get();
    const processed = events.docs.filter((d) => d.get("status") === "processed").length;
    const sameCommit = (a: unknown, b: unknown): boolean =>
      a instanceof Timestamp && b instanceof Timestamp && a.isEqual(b);
    const ledgerTouched = sameCommit(shard.get("updatedAt"), commission.get("updatedAt")) ? 1 : 0;
    const total = events.size + processed + (order.exists ? 1 : 0) + (commission.exists ? 1 : 0) + ledgerTouched + mails.size;
    // Mails are queued after the ledger; wait for them before counting.
    if (mails.size >= 2 || Date.now() > deadline) return total;
    await new Promise((r) => setTimeout(r, 25));
  }
}

// `tsx scripts/bench/ledger.ts` runs it on its own.
if (import.meta.url === `file://${process.argv[1]}`) {
  benchLedger()
    .then((result) => {
      console.table(result);
      process.exit(0);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
