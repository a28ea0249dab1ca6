// A stored event whose processing never finished (W-30) is completed exactly once: by the
// platform's next delivery, or by the owner's `npm run replay`.
import { execFile } from "node:child_process";
import { FieldValue } from "firebase-admin/firestore";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { orderKeyOfRequest } from "../../../scripts/lib/order-predictions";
import type { ProgramSettings } from "../../../contracts/program-settings";
import { replayEvents } from "../../../functions/src/webhooks/replay";
import { repoRoot } from "../../../scripts/lib/paths";
import { lemonSqueezyEvent, paddleClassicPayment, paddleTransactionCompleted, type SignedRequest } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import {
  candidateOf,
  deliver,
  eventRefOf,
  expectedLedger,
  expectOrderMatches,
  ledgerSum,
  orderRef,
  parsedOf,
  predict,
  readSettings,
  send,
  settled,
} from "./support";

const orderKeyOf = (request: SignedRequest): string => {
  const key = orderKeyOfRequest(request);
  if (key === null) throw new Error("not an order event");
  return key;
};

/**
 * Delivers these webhooks while a transaction of ours holds their orders' documents: the function
 * stores each verified event, its own transaction then times out on the lock (contention, a real
 * production failure), it answers 500 and recordEvent marks the event `failed`. Our transaction is
 * rolled back afterwards, so nothing was applied. Returns the stored events' ids.
 */
async function failedDeliveries(requests: readonly SignedRequest[]): Promise<string[]> {
  let locked!: () => void;
  let release!: () => void;
  const lockTaken = new Promise<void>((resolve) => (locked = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holder = db()
    .runTransaction(
      async (tx) => {
        for (const request of requests) await tx.get(orderRef(orderKeyOf(request)));
        locked();
        await released;
        throw new Error("rolled back on purpose");
      },
      { maxAttempts: 1 },
    )
    .catch(() => undefined);
  await lockTaken;
  try {
    const replies = await Promise.all(requests.map((request) => send(request)));
    for (const reply of replies) expect(reply.status, reply.text).toBe(500);
  } finally {
    release();
    await holder;
  }
  for (const request of requests) {
    const stored = await eventRefOf(request).get();
    expect(stored.get("status")).toBe("failed");
    expect(stored.get("error")).toEqual(expect.any(String));
    expect((await orderRef(orderKeyOf(request)).get()).exists).toBe(false);
  }
  return requests.map((request) => eventRefOf(request).id);
}

/** The state a crash between storing an event and applying it leaves: as stored, before markFailed. */
async function asIfCrashed(request: SignedRequest): Promise<void> {
  await eventRefOf(request).update({ status: "received", error: FieldValue.delete(), failedAt: FieldValue.delete() });
}

let settings: ProgramSettings;
// Two affiliates, so each test's ledger holds only its own sales.
const affiliate = { id: "", email: "" };
const crashAffiliate = { id: "", email: "" };
let sales: SignedRequest[];
let young: SignedRequest;
let crashed: SignedRequest;
let forCli: SignedRequest;

// One locked stretch fails every test's deliveries at once: each lock timeout takes the emulator
// about 25 s. Every test still uses only its own events, so any one of them runs alone.
beforeAll(async () => {
  settings = await readSettings();
  Object.assign(affiliate, await createAffiliate({ rateBps: 5000 }));
  Object.assign(crashAffiliate, await createAffiliate({ rateBps: 5000 }));
  sales = [
    paddleTransactionCompleted({ transactionId: uniqueId("txn_rp"), affiliateId: affiliate.id, totalMinor: 5000, taxMinor: 0, feeMinor: 250, customerId: uniqueId("ctm") }),
    lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_rp"), affiliateId: affiliate.id, subtotalMinor: 3000 }),
    paddleClassicPayment({ alertId: uniqueId("al_rp"), orderId: uniqueId("cl_rp"), affiliateId: affiliate.id, saleGross: "20.00", paymentTax: "0.00", balanceEarnings: "19.00", balanceFee: "1.00" }),
  ];
  young = lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_rp"), subtotalMinor: 1000 });
  crashed = lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_crash"), affiliateId: crashAffiliate.id, subtotalMinor: 8000 });
  forCli = paddleTransactionCompleted({ transactionId: uniqueId("txn_cli"), totalMinor: 2000, taxMinor: 0, feeMinor: 100, customerId: uniqueId("ctm") });
  await failedDeliveries([...sales, young, crashed, forCli]);
}, 180_000);

describe("replaying stored events", () => {
  it("replayEvents applies received and failed events once; a second replay skips them", async () => {
    await asIfCrashed(sales[0] as SignedRequest);
    const ids = sales.map((r) => eventRefOf(r).id);
    // Two minutes on: past minAgeSeconds, so no delivery can still be applying them.
    const results = await replayEvents({ ids, minAgeSeconds: 60, now: new Date(Date.now() + 120_000) });
    expect(results.map((r) => [r.id, r.outcome])).toEqual(ids.map((id) => [id, "applied"]));
    const settledOrders = await Promise.all(sales.map((r) => settled(orderKeyOf(r))));
    const predictions = sales.map((r) => predict(orderKeyOf(r), [parsedOf(r)], { candidate: candidateOf(affiliate, 5000), settings }));
    settledOrders.forEach(({ order }, i) => {
      const p = predictions[i];
      if (!p) throw new Error("prediction");
      expectOrderMatches(order, p);
    });
    for (const r of sales) {
      const stored = await eventRefOf(r).get();
      expect(stored.get("status")).toBe("processed");
      expect(stored.get("error")).toBeUndefined();
    }
    expect(await ledgerSum(affiliate.id)).toEqual(expectedLedger(predictions.map((p) => p.contribution)));

    const again = await replayEvents({ ids });
    expect(again.map((r) => r.outcome)).toEqual(["skipped", "skipped", "skipped"]);
    // The platform's own redelivery of a replayed event is a duplicate.
    await Promise.all(sales.map((r) => deliver(r, "duplicate")));
    expect(await ledgerSum(affiliate.id)).toEqual(expectedLedger(predictions.map((p) => p.contribution)));
  });

  it("skips events younger than minAgeSeconds: a live delivery may still be applying them", async () => {
    const id = eventRefOf(young).id;
    expect((await replayEvents({ ids: [id], minAgeSeconds: 3600 })).map((r) => r.outcome)).toEqual(["skipped"]);
    expect((await replayEvents({ ids: [id], minAgeSeconds: 0 })).map((r) => r.outcome)).toEqual(["applied"]);
  });

  it("the platform's next delivery completes an event left received by a crash (W-30)", async () => {
    await asIfCrashed(crashed);
    await deliver(crashed, "applied");
    await deliver(crashed, "duplicate");
    const { commission } = await settled(orderKeyOf(crashed));
    expect(commission?.commissionMinor).toBe(4000);
    expect((await ledgerSum(crashAffiliate.id))["USD.earnedMinor"]).toBe(4000);
  });

  it("`npm run replay` (scripts/replay-events.ts) replays from the command line", async () => {
    const id = eventRefOf(forCli).id;
    const args = ["tsx", "scripts/replay-events.ts", "--id", id, "--min-age-seconds", "0"];
    const { stdout } = await promisify(execFile)("npx", args, { cwd: repoRoot, timeout: 60_000 });
    expect(stdout).toContain(`applied   ${id} transaction.completed`);
    expect(stdout).toContain("1 event(s) looked at, 0 error(s).");
    const { order } = await settled(orderKeyOf(forCli));
    expect(order).toMatchObject({ status: "paid", grossMinor: 2000, netMinor: 1900 });
  });
});
