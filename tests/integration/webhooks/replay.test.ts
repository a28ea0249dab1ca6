// A stored event whose processing never finished (W-30) is completed exactly once: by the
// platform's next delivery, or by the owner's `npm run replay`.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import type { ProgramSettings } from "../../../contracts/program-settings";
import { webhookEventKeyOf } from "../../../contracts/ids";
import { orderKeyOfRequest } from "../../../scripts/lib/order-predictions";
import { replayEvents } from "../../../functions/src/webhooks/replay";
import { repoRoot } from "../../../scripts/lib/paths";
import { lemonSqueezyEvent, paddleClassicPayment, paddleTransactionCompleted, type SignedRequest } from "../../../scripts/lib/webhooks";
import { createAffiliate, uniqueId } from "../../support/emulator";
import {
  candidateOf,
  deliver,
  eventRefOf,
  expectedLedger,
  expectOrderMatches,
  ledgerSum,
  orderKeyFor,
  orderRef,
  parsedOf,
  platformOf,
  predict,
  readSettings,
  settled,
} from "./support";

let settings: ProgramSettings;
beforeAll(async () => {
  settings = await readSettings();
});

/** What recordEvent writes before applying: as if the function died right after it. */
async function storeUnprocessed(request: SignedRequest, status: "received" | "failed", receivedAt: Date): Promise<string> {
  const event = parsedOf(request);
  const platform = platformOf(request);
  const orderKey = orderKeyOfRequest(request);
  await eventRefOf(request).create({
    platform,
    eventKey: event.eventKey,
    eventType: event.eventType,
    kind: event.kind,
    orderKey,
    occurredAt: event.occurredAt,
    receivedAt,
    raw: request.body,
    parsed: JSON.parse(JSON.stringify(event)) as unknown,
    status,
    ...(status === "failed" ? { error: "simulated: deadline exceeded" } : {}),
  });
  return webhookEventKeyOf(platform, event.eventKey);
}

describe("replaying stored events", () => {
  it("replayEvents applies received and failed events once; a second replay skips them", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const requests = [
      paddleTransactionCompleted({ transactionId: uniqueId("txn_rp"), affiliateId: affiliate.id, totalMinor: 5000, taxMinor: 0, feeMinor: 250, customerId: uniqueId("ctm") }),
      lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_rp"), affiliateId: affiliate.id, subtotalMinor: 3000 }),
      paddleClassicPayment({ alertId: uniqueId("al_rp"), orderId: uniqueId("cl_rp"), affiliateId: affiliate.id, saleGross: "20.00", paymentTax: "0.00", balanceEarnings: "19.00", balanceFee: "1.00" }),
    ];
    const ids = await Promise.all(requests.map((r, i) => storeUnprocessed(r, i === 1 ? "failed" : "received", new Date(Date.now() - 120_000))));
    for (const r of requests) expect((await orderRef(orderKeyFor(r)).get()).exists).toBe(false);

    const results = await replayEvents({ ids, minAgeSeconds: 60 });
    expect(results.map((r) => [r.id, r.outcome])).toEqual(ids.map((id) => [id, "applied"]));
    const settledOrders = await Promise.all(requests.map((r) => settled(orderKeyFor(r))));
    const predictions = requests.map((r) => predict(orderKeyFor(r), [parsedOf(r)], { candidate: candidateOf(affiliate, 5000), settings }));
    settledOrders.forEach(({ order }, i) => {
      const p = predictions[i];
      if (!p) throw new Error("prediction");
      expectOrderMatches(order, p);
    });
    for (const r of requests) {
      const stored = await eventRefOf(r).get();
      expect(stored.get("status")).toBe("processed");
      expect(stored.get("error")).toBeUndefined();
    }
    expect(await ledgerSum(affiliate.id)).toEqual(expectedLedger(predictions.map((p) => p.contribution)));

    const again = await replayEvents({ ids });
    expect(again.map((r) => r.outcome)).toEqual(["skipped", "skipped", "skipped"]);
    // The platform's own redelivery of a replayed event is a duplicate.
    await Promise.all(requests.map((r) => deliver(r, "duplicate")));
    expect(await ledgerSum(affiliate.id)).toEqual(expectedLedger(predictions.map((p) => p.contribution)));
  });

  it("skips events younger than minAgeSeconds: a live delivery may still be applying them", async () => {
    const request = lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_rp"), subtotalMinor: 1000 });
    const id = await storeUnprocessed(request, "received", new Date());
    expect((await replayEvents({ ids: [id], minAgeSeconds: 60 })).map((r) => r.outcome)).toEqual(["skipped"]);
    expect((await replayEvents({ ids: [id], minAgeSeconds: 0 })).map((r) => r.outcome)).toEqual(["applied"]);
  });

  it("the platform's next delivery completes an event left received by a crash (W-30)", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const request = lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_crash"), affiliateId: affiliate.id, subtotalMinor: 8000 });
    await storeUnprocessed(request, "received", new Date(Date.now() - 60_000));
    await deliver(request, "applied");
    await deliver(request, "duplicate");
    const { commission } = await settled(orderKeyFor(request));
    expect(commission?.commissionMinor).toBe(4000);
    expect((await ledgerSum(affiliate.id))["USD.earnedMinor"]).toBe(4000);
  });

  it("`npm run replay` (scripts/replay-events.ts) replays from the command line", async () => {
    const request = paddleTransactionCompleted({ transactionId: uniqueId("txn_cli"), totalMinor: 2000, taxMinor: 0, feeMinor: 100, customerId: uniqueId("ctm") });
    const id = await storeUnprocessed(request, "failed", new Date(Date.now() - 120_000));
    const { stdout } = await promisify(execFile)("npx", ["tsx", "scripts/replay-events.ts", "--id", id], { cwd: repoRoot, timeout: 60_000 });
    expect(stdout).toContain(`applied   ${id} transaction.completed`);
    expect(stdout).toContain("1 event(s) looked at, 0 error(s).");
    const { order } = await settled(orderKeyFor(request));
    expect(order).toMatchObject({ status: "paid", grossMinor: 2000, netMinor: 1900 });
  });
});
