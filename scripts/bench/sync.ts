import { callables } from "../../contracts/callables/index";
import { orderKeyOf } from "../../contracts/ids";
import { call, ownerIdToken } from "../../tests/integration/owner/helpers";
import { createAffiliate, db } from "../../tests/support/emulator";
import { settledRun } from "../../tests/support/sync-runs";
import type { VendorApi } from "../../tests/support/vendor-api";
import { paddleTransactionCompleted, post } from "../lib/webhooks";
import { pool } from "./stats";

// Reconciliation at scale (issue 15): the Paddle API stand-in lists 1,000 completed transactions,
// a fifth of which webhooks had already brought; the owner starts a backfill (the same run a sync
// is) and the run reads them 30 a page, records the 800 missed ones through the webhook path and
// leaves the known ones alone.

const ORDERS = 1_000;
const KNOWN_EVERY = 5;

type Rows = Array<[string, string]>;

/**
 * Firestore operations, read off the code path (the emulator reports no usage), multiplied below by
 * what the run counted:
 *   run       claim (1 R, 1 W), finish (1 R: the platform's state; 2 W: run + state), queue (1 W).
 *   page      the listed orders' documents (1 R each), the run's cursor and counts (1 W), and the
 *             newly recorded orders again for the unattributed count (1 R each).
 *   new sale  the event stored (1 W); the apply transaction reads the event, the order,
 *             settings/program, the affiliate and customers/{id} (5 R) and writes the order and the
 *             event (2 W); the order trigger then reads order, commission, settings and affiliate
 *             (4 R) and writes the commission and a ledger shard (2 W), plus the sale emails
 *             (counted from mail/, by the orders they are about).
 *   known     nothing beyond its page read.
 */
const RUN = { reads: 2, writes: 4 };
const PER_NEW_SALE = { reads: 1 + 5 + 4, writes: 1 + 2 + 2 };

/** The emails about the newly recorded orders, once the order trigger has stopped adding any. */
async function settledMailCount(tag: string, newOrderKeys: ReadonlySet<string>): Promise<number> {
  const prefix = orderKeyOf("paddle", `txn_bench_sync_${tag}_`);
  const count = async () => {
    const snap = await db().collection("mail").where("subjectKey", ">=", prefix).where("subjectKey", "<", `${prefix}\uf8ff`).select("subjectKey").get();
    return snap.docs.filter((doc) => newOrderKeys.has(String(doc.get("subjectKey")))).length;
  };
  let last = -1;
  for (let current = await count(); current !== last; current = await count()) {
    last = current;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
  }
  return last;
}

/** `api`: the stand-in the bench serves for the whole run (npm start would otherwise hold its port). */
export async function benchSync(api: VendorApi): Promise<Rows> {
  const affiliate = await createAffiliate();
  const start = Date.now() - 2 * 86_400_000;
  const tag = start.toString(36);
  const sales = Array.from({ length: ORDERS }, (_, i) => ({
    transactionId: `txn_bench_sync_${tag}_${i}`,
    affiliateId: affiliate.id,
    totalMinor: 5_000 + (i % 50) * 100,
    taxMinor: 500,
    feeMinor: 250,
    occurredAt: new Date(start + i * 60_000).toISOString(),
  }));
  const known = sales.filter((_, i) => i % KNOWN_EVERY === 0);
  await pool(
    known.map((sale) => async () => {
      const response = await post(paddleTransactionCompleted(sale));
      if (response.status !== 200) throw new Error(`webhook answered ${response.status}`);
    }),
    10,
  );
  api.transactions.push(...sales.map((sale) => (JSON.parse(paddleTransactionCompleted(sale).body) as { data: Record<string, unknown> }).data));
  const { idToken } = await ownerIdToken();

  const started = performance.now();
  const result = await call("startSync", { action: "backfill", platform: "paddle", from: new Date(start - 86_400_000).toISOString().slice(0, 10) }, idToken);
  if (result.error) throw new Error(`startSync: ${result.message ?? result.error}`);
  const [runId] = callables.startSync.output.parse(result.data).runIds;
  const run = await settledRun(runId ?? "", 20 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== "done") throw new Error(`the run ended ${run.status}: ${run.error ?? ""}`);

  const stored = (await db().collection("webhookEvents").where("syncRunId", "==", run.id).count().get()).data().count;
  const mails = await settledMailCount(tag, new Set(sales.filter((_, i) => i % KNOWN_EVERY !== 0).map((sale) => orderKeyOf("paddle", sale.transactionId))));
  const { pages, found, alreadyKnown, recorded } = run.counts;
  const reads = RUN.reads + found + recorded + recorded * PER_NEW_SALE.reads;
  const writes = RUN.writes + pages + recorded * PER_NEW_SALE.writes + mails;
  const perOrder = (n: number) => (n / found).toFixed(2);
  const label = `Sync of ${ORDERS.toLocaleString("en-US")} Paddle orders`;
  return [
    [`${label}: found / already known / newly recorded (pages)`, `${found} / ${alreadyKnown} / ${recorded} (${pages}); events stored ${stored}`],
    [`${label}: total time (Sync start to run done)`, `${seconds.toFixed(1)} s`],
    [`${label}: orders per second (listed / recorded)`, `${(found / seconds).toFixed(1)} / ${(recorded / seconds).toFixed(1)}`],
    [`${label}: Firestore reads, total / per order (by construction)`, `${reads} / ${perOrder(reads)}`],
    [`${label}: Firestore writes, total / per order (by construction; ${mails} emails)`, `${writes} / ${perOrder(writes)}`],
  ];
}
