// Issue 11, finding 4: a verified event is never lost. Its raw body is stored before anything reads
// it; one that does not parse (a currency this version does not know, a shape it does not expect)
// is kept `failed` with the reason and answered 200, since the platform's retries would fail alike;
// a replay reads the stored body again with the code deployed now.
import { createHash } from "node:crypto";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { orderKeyOf } from "../../../contracts/ids";
import { replayEvents } from "../../../functions/src/webhooks/replay";
import { repoRoot } from "../../../scripts/lib/paths";
import { lemonSqueezyEvent, paddleClassicPayment, paddleTransactionCompleted, type SignedRequest } from "../../../scripts/lib/webhooks";
import { createAffiliate, db, uniqueId } from "../../support/emulator";
import { inCurrency, storedByAnOlderVersion, storedOf } from "./stored-events";
import { deliver, paddleRequest, send, settled } from "./support";

const paddleSale = (affiliateId?: string) => {
  const txn = uniqueId("txn_fe");
  const request = paddleTransactionCompleted({ transactionId: txn, affiliateId: affiliateId ?? null, totalMinor: 250_000, taxMinor: 0, feeMinor: 10_000, customerId: uniqueId("ctm_fe") });
  return { txn, request };
};

async function expectStoredFailed(request: SignedRequest, error: RegExp): Promise<void> {
  const stored = (await storedOf(request).get()).data();
  expect(stored).toMatchObject({ status: "failed", stage: "parse", raw: request.body });
  expect(String(stored?.error)).toMatch(error);
}

describe("a verified event that does not parse is stored failed, never lost (finding 4)", () => {
  it("a sale in a currency the table lacks (XTS) answers 200 on every platform, is kept with its raw body, and stays failed on retry and replay", async () => {
    const requests = [
      inCurrency(paddleSale().request, "XTS"),
      inCurrency(lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_fe"), subtotalMinor: 3000 }), "XTS"),
      inCurrency(paddleClassicPayment({ alertId: uniqueId("al_fe"), orderId: uniqueId("cl_fe"), saleGross: "20.00", paymentTax: "0.00", balanceEarnings: "19.00", balanceFee: "1.00" }), "XTS"),
    ];
    for (const request of requests) {
      const reply = await send(request);
      expect(reply.status, reply.text).toBe(200);
      expect(reply.json).toMatchObject({ ok: true, outcome: "failed", error: expect.stringMatching(/currency(_code)?: unknown currency code/) });
      await expectStoredFailed(request, /unknown currency code/);
      // The platform's retry reads the same bytes: the same answer, still one stored event.
      expect((await send(request)).json).toMatchObject({ outcome: "failed" });
    }
    const ids = requests.map((r) => storedOf(r).id);
    const results = await replayEvents({ ids });
    expect(results.map((r) => [r.id, r.outcome])).toEqual(ids.map((id) => [id, "failed"]));
    for (const request of requests) await expectStoredFailed(request, /unknown currency code/);
    expect((await db().collection("orders").where("currency", "==", "XTS").get()).size).toBe(0);
  }, 180_000);

  it("a body that is not JSON at all is kept under the hash of its bytes", async () => {
    const notJson = { ...paddleRequest("{not json"), headers: { ...paddleRequest("{not json").headers, "content-type": "text/plain" } };
    const reply = await send(notJson);
    expect(reply.status, reply.text).toBe(200);
    expect(reply.json).toMatchObject({ outcome: "failed", error: "Paddle event: body is not valid JSON" });
    const id = `paddle_sha256-${createHash("sha256").update("{not json").digest("hex")}`;
    expect(storedOf(notJson).id).toBe(id);
    expect((await db().collection("webhookEvents").doc(id).get()).data()).toMatchObject({ status: "failed", stage: "parse", raw: "{not json", eventType: null });
  });

  it("a Paddle sale in RUB, which Paddle lists, is recorded and credited", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const { txn, request } = paddleSale(affiliate.id);
    await deliver(inCurrency(request, "RUB"), "applied");
    const { order, commission } = await settled(orderKeyOf("paddle", txn));
    expect(order).toMatchObject({ currency: "RUB", grossMinor: 250_000, baseCurrency: "RUB", netMinor: 240_000, affiliateId: affiliate.id, commissionMinor: 120_000 });
    expect(commission).toMatchObject({ commissionMinor: 120_000 });
  });
});

describe("replaying an event once its cause is gone (finding 4)", () => {
  it("replayEvents reads the stored body again: the sale an older version could not read is applied once, and the platform's redelivery is a duplicate", async () => {
    const affiliate = await createAffiliate({ rateBps: 5000 });
    const { txn, request } = paddleSale(affiliate.id);
    const rub = inCurrency(request, "RUB");
    const id = await storedByAnOlderVersion(rub);
    expect((await replayEvents({ ids: [id], minAgeSeconds: 60 })).map((r) => r.outcome)).toEqual(["applied"]);
    const { order } = await settled(orderKeyOf("paddle", txn));
    expect(order).toMatchObject({ currency: "RUB", grossMinor: 250_000, affiliateId: affiliate.id, commissionMinor: 120_000 });
    const stored = (await db().collection("webhookEvents").doc(id).get()).data();
    expect(stored).toMatchObject({ status: "processed", kind: "sale", orderKey: orderKeyOf("paddle", txn) });
    expect(stored?.error).toBeUndefined();
    expect(stored?.stage).toBeUndefined();
    await deliver(rub, "duplicate");
    expect((await replayEvents({ ids: [id] })).map((r) => r.outcome)).toEqual(["skipped"]);
  });

  it("`npm run replay` does the same from the command line, and exits non-zero while an event still fails", async () => {
    const { txn, request } = paddleSale();
    const id = await storedByAnOlderVersion(inCurrency(request, "RUB"));
    const run = promisify(execFile);
    const { stdout } = await run("npx", ["tsx", "scripts/replay-events.ts", "--id", id], { cwd: repoRoot, timeout: 60_000 });
    expect(stdout).toContain(`applied   ${id} transaction.completed`);
    expect((await db().collection("orders").doc(orderKeyOf("paddle", txn)).get()).get("currency")).toBe("RUB");

    const xts = inCurrency(paddleSale().request, "XTS");
    await send(xts);
    const still = storedOf(xts).id;
    const failing = await run("npx", ["tsx", "scripts/replay-events.ts", "--id", still, "--min-age-seconds", "0"], { cwd: repoRoot, timeout: 60_000 }).then(
      () => null,
      (err: { code?: number; stdout?: string }) => err,
    );
    expect(failing?.code).toBe(1);
    expect(failing?.stdout).toContain(`failed    ${still} transaction.completed: transaction.completed data: currency_code: unknown currency code`);
  }, 120_000);
});
