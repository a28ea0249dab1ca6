// What the endpoints refuse (W-05…W-09, W-13…W-17) and what a refusal leaves behind: nothing.
import { createHmac } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../../functions/src/webhooks/http/handle-webhook";
import { lemonSqueezyEvent, paddleClassicPayment, paddleTransactionCompleted, type SignedRequest } from "../../../scripts/lib/webhooks";
import { uniqueId } from "../../support/emulator";
import {
  classicRequest,
  deliver,
  eventRefOf,
  lemonSqueezyRequest,
  lemonSqueezySecret,
  nowSeconds,
  orderRef,
  paddleRequest,
  paddleSecret,
  parsedOf,
  platformOf,
  send,
  type Json,
  type Reply,
} from "./support";

const refusals: Reply[] = [];

/** Posts, expects the status, and checks that the event left no document behind. */
async function refused(request: SignedRequest, status: number, probe: SignedRequest = request): Promise<Reply> {
  const reply = await send(request);
  expect(reply.status, reply.text).toBe(status);
  refusals.push(reply);
  const parsed = parsedOf(probe);
  const [event, order] = await Promise.all([
    eventRefOf(probe).get(),
    "orderId" in parsed ? orderRef(`${platformOf(probe)}_${parsed.orderId}`).get() : Promise.resolve(null),
  ]);
  expect(event.exists, "webhookEvents doc").toBe(false);
  expect(order?.exists ?? false, "orders doc").toBe(false);
  return reply;
}

const paddleSale = (): SignedRequest =>
  paddleTransactionCompleted({ transactionId: uniqueId("txn_rj"), totalMinor: 11900, taxMinor: 1900, feeMinor: 600, customerId: uniqueId("ctm_rj") });
const lsSale = (): SignedRequest => lemonSqueezyEvent("order_created", { orderId: uniqueId("ls_rj"), subtotalMinor: 4900 });
const classicSale = (): SignedRequest =>
  paddleClassicPayment({ alertId: uniqueId("al_rj"), orderId: uniqueId("cl_rj"), saleGross: "49.00", paymentTax: "0.00", balanceEarnings: "45.00", balanceFee: "4.00" });

const withHeader = (request: SignedRequest, name: string, value: string | null): SignedRequest => {
  const headers = { ...request.headers };
  if (value === null) delete headers[name];
  else headers[name] = value;
  return { ...request, headers };
};

const h1 = (body: string, secret: string, ts: number): string => createHmac("sha256", secret).update(`${ts}:${body}`).digest("hex");

describe("signatures (W-05, W-06, W-13)", () => {
  it("Paddle: one byte changed after signing → 401, and the reply holds neither the secret nor the expected digest", async () => {
    const request = paddleSale();
    const tampered = { ...request, body: request.body.replace('"total":"11900"', '"total":"11901"') };
    expect(tampered.body).not.toBe(request.body);
    const reply = await refused(tampered, 401, request);
    expect(reply.json).toEqual({ error: "signature does not match" });
    const ts = /ts=(\d+)/.exec(request.headers["paddle-signature"] ?? "")?.[1] ?? "";
    expect(reply.text).not.toContain(h1(tampered.body, paddleSecret(), Number(ts)));
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["ts without h1", `ts=${Math.floor(Date.now() / 1000)}`],
    ["h1 not hex", `ts=${Math.floor(Date.now() / 1000)};h1=zz`],
    ["garbage", "v1,abc"],
  ])("Paddle: signature header %s → 400", async (_label, value) => {
    const request = paddleSale();
    await refused(withHeader(request, "paddle-signature", value), 400, request);
  });

  it("Paddle: signed with a secret the endpoint does not hold → 401", async () => {
    const request = paddleSale();
    await refused(paddleRequest(request.body, { secret: "pdl_ntfset_not_the_configured_one" }), 401, request);
  });

  it("Paddle rotation over HTTP: a stale and a valid h1 are accepted in either order", async () => {
    const ts = nowSeconds();
    for (const order of ["stale-first", "valid-first"] as const) {
      const request = paddleSale();
      const valid = h1(request.body, paddleSecret(), ts);
      const stale = h1(request.body, "pdl_ntfset_rotated_out", ts);
      const header = order === "stale-first" ? `ts=${ts};h1=${stale};h1=${valid}` : `ts=${ts};h1=${valid};h1=${stale}`;
      await deliver(withHeader(request, "paddle-signature", header), "applied");
    }
  });

  it("Lemon Squeezy: tampered → 401; missing or malformed X-Signature → 400; wrong secret → 401", async () => {
    const a = lsSale();
    await refused({ ...a, body: a.body.replace('"subtotal":4900', '"subtotal":4901') }, 401, a);
    const b = lsSale();
    await refused(withHeader(b, "x-signature", null), 400, b);
    const c = lsSale();
    await refused(withHeader(c, "x-signature", "sha256=abc"), 400, c);
    const d = lsSale();
    await refused(lemonSqueezyRequest(d.body, "ls_wrong_secret"), 401, d);
  });

  it("Paddle Classic: a changed field → 401; no p_signature → 400; a repeated field → 400", async () => {
    const a = classicSale();
    await refused({ ...a, body: a.body.replace("sale_gross=49.00", "sale_gross=49.01") }, 401, a);
    const b = classicSale();
    const unsigned = new URLSearchParams(b.body);
    unsigned.delete("p_signature");
    await refused({ ...b, body: unsigned.toString() }, 400, b);
    const c = classicSale();
    await refused({ ...c, body: `${c.body}&sale_gross=1.00` }, 400, c);
  });
});

describe("timestamps (W-08…W-10, Paddle)", () => {
  it.each([
    ["stale (now − 301 s)", -301],
    ["future (now + 301 s)", 301],
  ])("%s → 401, not processed", async (_label, offset) => {
    const request = paddleSale();
    const reply = await refused(paddleRequest(request.body, { ts: nowSeconds() + offset }), 401, request);
    expect(reply.json).toEqual({ error: "timestamp outside the 300 s tolerance" });
  });

  it.each([-60, 60])("clock skewed by %i s is accepted", async (offset) => {
    const request = paddleSale();
    await deliver(paddleRequest(request.body, { ts: nowSeconds() + offset }), "applied");
  });
});

describe("bodies (W-07, W-14, W-15)", () => {
  it("the signature covers the raw bytes: pretty-printed JSON signed as sent is accepted, re-serialised after signing is refused", async () => {
    const pretty = paddleSale();
    await deliver(paddleRequest(JSON.stringify(JSON.parse(pretty.body), null, 2)), "applied");
    const compact = paddleSale();
    await refused({ ...compact, body: JSON.stringify(JSON.parse(compact.body), null, 1) }, 401, compact);
  });

  it("a JSON provider posted as text/plain is still verified over the raw bytes and applied (W-14)", async () => {
    const request = paddleSale();
    await deliver(withHeader(request, "content-type", "text/plain"), "applied");
  });

  it("signed bodies that are not JSON, or not the documented shape, are kept failed and answered 200 (finding 4)", async () => {
    // As text/plain the body reaches our parser: it is stored first, and the answer names the
    // problem, not the payload. A retry would fail alike, so it is not invited.
    const notJson = paddleRequest(`{not json ${uniqueId("x")}`);
    const reply = await send(withHeader(notJson, "content-type", "text/plain"));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ ok: true, outcome: "failed", error: "Paddle event: body is not valid JSON" });
    // As application/json the functions framework parses first and answers 400 itself.
    const framework = await send(notJson);
    expect(framework.status).toBe(400);
    refusals.push(framework);

    const id = uniqueId("evt_rj");
    const shapeless = await send(paddleRequest({ event_id: id, event_type: "transaction.completed", occurred_at: new Date().toISOString(), data: { id: 5 } }));
    expect(shapeless.status).toBe(200);
    expect(String(shapeless.json?.error)).toMatch(/^transaction\.completed data: /);
    const stored = await eventRefOf(paddleRequest({ event_id: id, event_type: "x", occurred_at: "2026-01-01T00:00:00Z", data: {} })).get();
    expect(stored.data()).toMatchObject({ status: "failed", stage: "parse", eventType: "transaction.completed" });

    const ls = await send(lemonSqueezyRequest({ meta: { event_name: "order_created" }, data: { id: uniqueId("ls_rj"), attributes: { updated_at: "x" } } }));
    expect(ls.status).toBe(200);
    expect(ls.json).toMatchObject({ outcome: "failed" });

    // Paddle Classic expects a form: a signed-looking JSON body has no p_signature field.
    const classicJson = await send({ path: "/webhooks/paddle-classic", headers: { "content-type": "application/json" }, body: JSON.stringify({ alert_id: "1" }) });
    expect(classicJson.status).toBe(400);
    refusals.push(classicJson);
  });

  it("an empty body → 400", async () => {
    for (const path of ["/webhooks/paddle", "/webhooks/paddle-classic", "/webhooks/lemonsqueezy"]) {
      const reply = await send({ path, headers: {}, body: "" });
      expect(reply.status).toBe(400);
      expect(reply.json).toEqual({ error: "Empty body." });
    }
  });

  it(`a body of MAX_BODY_BYTES + 1 (${MAX_BODY_BYTES + 1}) → 413 before verification, on every endpoint; nothing stored`, async () => {
    const request = paddleSale();
    const event = JSON.parse(request.body) as Json;
    const padding = MAX_BODY_BYTES + 1 - request.body.length - ',"pad":""'.length;
    const big = JSON.stringify({ ...event, pad: "x".repeat(padding) });
    expect(Buffer.byteLength(big)).toBe(MAX_BODY_BYTES + 1);
    const reply = await refused(paddleRequest(big), 413, request);
    expect(reply.json).toEqual({ error: `Body over ${MAX_BODY_BYTES} bytes.` });
    // Exactly at the limit the body is verified and applied.
    const atLimit = JSON.stringify({ ...event, pad: "x".repeat(padding - 1) });
    await deliver(paddleRequest(atLimit), "applied");

    const ls = lsSale();
    await refused({ ...ls, body: ls.body.replace('"meta":{', `"meta":{"pad":"${"x".repeat(MAX_BODY_BYTES)}",`) }, 413, ls);
    const classic = classicSale();
    await refused({ ...classic, body: `${classic.body}&pad=${"x".repeat(MAX_BODY_BYTES)}` }, 413, classic);
  });

  it("a body over the platform's own limit (33 MiB) is refused by the framework with 413 before our code runs", async () => {
    const reply = await send({ path: "/webhooks/lemonsqueezy", headers: { "content-type": "application/json" }, body: JSON.stringify({ pad: "x".repeat(33 * 1024 * 1024) }) });
    expect(reply.status).toBe(413);
  });
});

describe("methods and event types (W-16, W-17)", () => {
  it.each(["GET", "PUT", "DELETE", "PATCH"])("%s → 405 with Allow: POST on every endpoint", async (method) => {
    for (const request of [paddleSale(), lsSale(), classicSale()]) {
      const reply = await send(request, { method });
      expect(reply.status).toBe(405);
      expect(reply.headers.get("allow")).toBe("POST");
      expect((await eventRefOf(request).get()).exists).toBe(false);
    }
  });

  it("unknown event types are acknowledged with 200 and stored as ignored", async () => {
    const paddle = paddleRequest({ event_id: uniqueId("evt_unk"), event_type: "subscription.created", occurred_at: new Date().toISOString(), data: {} });
    const ls = lemonSqueezyRequest({ meta: { event_name: "subscription_paused" }, data: { id: uniqueId("sub"), attributes: { updated_at: new Date().toISOString() } } });
    const classic = paddleClassicPayment({ alertId: uniqueId("al_unk"), orderId: uniqueId("cl_unk"), saleGross: "1.00", paymentTax: "0.00", balanceEarnings: "1.00", balanceFee: "0.00" });
    const unknownClassic = new URLSearchParams(classic.body);
    unknownClassic.set("alert_name", "subscription_created");
    const classicUnknown = classicRequest(Object.fromEntries(unknownClassic));
    for (const request of [paddle, ls, classicUnknown]) {
      const reply = await deliver(request, "ignored");
      expect(reply.json).toEqual({ ok: true, outcome: "ignored" });
      expect((await eventRefOf(request).get()).get("status")).toBe("ignored");
    }
  });
});

afterAll(() => {
  // Every refusal above: no secret, no private key, no digest of ours.
  const secrets = [paddleSecret(), lemonSqueezySecret(), "PRIVATE KEY"];
  expect(refusals.length).toBeGreaterThan(15);
  for (const reply of refusals) {
    for (const secret of secrets) expect(reply.text).not.toContain(secret);
  }
});
