import { getFirestore, type Firestore } from "firebase-admin/firestore";
import { benchSale } from "./sale";
import { contributionOf } from "../../functions/src/ledger/contribution";
import { emptyLedger, type LedgerShard } from "../../contracts/ledger";
import { addDeltas, diffContributions } from "../../functions/src/ledger/delta";
import { deriveOrder } from "../../functions/src/orders/derive";
import { emptyFacts } from "../../functions/src/orders/facts";
import { handlePayableNow } from "../../functions/src/owner/payable-now";
import { adminApp } from "../seed/seed";
import { ms, percentile } from "./stats";

type Rows = Array<[string, string]>;

const AFFILIATES = 100;
const ORDERS = 10_000;

/**
 * The payable-now report reads ledger shards and affiliates, never orders. The 10,000 orders are
 * therefore folded into their affiliates' shards with the same pure functions the order trigger uses
 * (deriveOrder → contributionOf → deltas), and only the shards and affiliates are written.
 */
async function seedLedgers(db: Firestore, runId: string): Promise<void> {
  const now = Date.now();
  const ledgers = new Map<string, LedgerShard>();
  for (let i = 0; i < ORDERS; i++) {
    const affiliateId = `aff_bench_${runId}_${i % AFFILIATES}`;
    const facts = { ...emptyFacts(), sale: benchSale(i, now, 120) };
    const derived = deriveOrder(facts, {
      attribution: { affiliateId, candidate: affiliateId, field: "meta.custom_data.affiliateId", rule: "payload_ref", reason: null, selfReferral: false, by: null, discountCode: null, codeAffiliateId: null, codeApproval: false },
      rateBps: 5000,
      defaultRateBps: 5000,
      refundWindowDays: 30,
      flagApproved: false,
      payouts: {},
    });
    for (const delta of diffContributions(null, contributionOf(`bench_${runId}_${i}`, derived))) {
      const current = ledgers.get(delta.ledgerKey) ?? { ...emptyLedger(), affiliateId: delta.affiliateId, currency: delta.currency, shard: delta.shard };
      ledgers.set(delta.ledgerKey, { ...current, ...addDeltas(current, delta.fields) });
    }
  }
  const writer = db.bulkWriter();
  for (let a = 0; a < AFFILIATES; a++) {
    const id = `aff_bench_${runId}_${a}`;
    void writer.set(db.doc(`affiliates/${id}`), { name: `Bench ${a}`, email: `${id}@bench.example`, payoutEmail: `${id}@bench.example`, status: "active" });
  }
  for (const [key, ledger] of ledgers) void writer.set(db.doc(`ledgers/${key}`), ledger);
  await writer.close();
}

export async function benchPayable(): Promise<Rows> {
  const db = getFirestore(adminApp());
  const runId = Date.now().toString(36);
  await seedLedgers(db, runId);
  const samples: number[] = [];
  let rows = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const report = await handlePayableNow({});
    samples.push(performance.now() - started);
    rows = report.rows.length;
  }
  // The report reads every ledger shard, every affiliate and the settings document once.
  const [ledgers, affiliates] = await Promise.all([db.collection("ledgers").count().get(), db.collection("affiliates").count().get()]);
  const reads = ledgers.data().count + affiliates.data().count + 1;
  return [
    [`Payable-now report, ${AFFILIATES} affiliates / ${ORDERS.toLocaleString("en-US")} orders: p50 / p95 (5 runs)`, `${ms(percentile(samples, 50))} / ${ms(percentile(samples, 95))}`],
    ["Payable-now report: Firestore documents read (all ledgers + affiliates + settings)", `${reads} (independent of order count; ${rows} payable rows)`],
  ];
}
