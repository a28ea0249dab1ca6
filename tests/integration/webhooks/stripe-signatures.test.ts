// The Stripe endpoint's verifier over HTTP, like the other platforms' (rejections.test.ts): what
// fails the check gets a 4xx and leaves no document; several v1 and a skewed clock pass.
import { createHmac } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedStripe } from "../../../scripts/lib/stripe-events";
import { stripeCheckoutSession } from "../../../scripts/lib/stripe-webhooks";
import { firstLocalSecret } from "../../../scripts/lib/local-config";
import type { SignedRequest } from "../../../scripts/lib/webhooks";
import { uniqueId } from "../../support/emulator";
import { deliver, eventRefOf, nowSeconds, orderKeyFor, orderRef, send } from "./support";
import { startVendorApi, type VendorApi } from "../../support/vendor-api";

// STRIPE_API_KEY is set on the emulators: every sale's net is looked up in the stand-in, which
// knows none of these PaymentIntents (404), so the subtotal stays the base (stripe-api.test.ts has the rest).
let vendorApi: VendorApi;
beforeAll(async () => {
  vendorApi = await startVendorApi();
});
afterAll(() => vendorApi.close());

const secret = (): string => firstLocalSecret("STRIPE_WEBHOOK_SECRET");
const sale = (): SignedRequest => stripeCheckoutSession({ eventId: uniqueId("evt_sig"), sessionId: uniqueId("cs_sig"), clientReferenceId: "nobody-here", amountTotal: 4_900 });
const v1 = (body: string, key: string, t: number): string => createHmac("sha256", key).update(`${t}.${body}`).digest("hex");
const withSignature = (request: SignedRequest, value: string | null): SignedRequest => {
  const headers = { ...request.headers };
  if (value === null) delete headers["stripe-signature"];
  else headers["stripe-signature"] = value;
  return { ...request, headers };
};

/** Posts, expects the status, and checks that nothing of the event was written. */
async function refused(request: SignedRequest, status: number, probe: SignedRequest = request): Promise<Record<string, unknown> | null> {
  const reply = await send(request);
  expect(reply.status, reply.text).toBe(status);
  const [event, order] = await Promise.all([eventRefOf(probe).get(), orderRef(orderKeyFor(probe)).get()]);
  expect(event.exists, "webhookEvents doc").toBe(false);
  expect(order.exists, "orders doc").toBe(false);
  return reply.json;
}

describe("Stripe-Signature over HTTP", () => {
  it("one byte changed after signing → 401, and the reply holds neither the secret nor the expected digest", async () => {
    const request = sale();
    const tampered = { ...request, body: request.body.replace('"amount_total":4900', '"amount_total":4901') };
    expect(tampered.body).not.toBe(request.body);
    const reply = await send(tampered);
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: "signature does not match" });
    const t = Number(/t=(\d+)/.exec(request.headers["stripe-signature"] ?? "")?.[1]);
    expect(reply.text).not.toContain(v1(tampered.body, secret(), t));
    expect(reply.text).not.toContain(secret());
    await refused(tampered, 401, request);
  });

  it.each([
    ["missing", null],
    ["empty", ""],
    ["t without v1", `t=${Math.floor(Date.now() / 1000)}`],
    ["only v0", `t=${Math.floor(Date.now() / 1000)},v0=${"a".repeat(64)}`],
    ["v1 not hex", `t=${Math.floor(Date.now() / 1000)},v1=zz`],
    ["Paddle's format", `ts=${Math.floor(Date.now() / 1000)};h1=${"a".repeat(64)}`],
  ])("signature header %s → 400", async (_label, value) => {
    const request = sale();
    await refused(withSignature(request, value), 400, request);
  });

  it("signed with a secret the endpoint does not hold → 401", async () => {
    const request = sale();
    await refused(signedStripe(request.body, "whsec_not_the_configured_one"), 401, request);
  });

  // Well past the 300 s boundary (the unit suite checks the boundary itself): a busy machine may
  // take seconds between signing here and verifying there.
  it.each([
    ["stale (now − 600 s)", -600],
    ["future (now + 600 s)", 600],
  ])("timestamp %s → 401, not processed", async (_label, offset) => {
    const request = sale();
    const json = await refused(signedStripe(request.body, secret(), nowSeconds() + offset), 401, request);
    expect(json).toEqual({ error: "timestamp outside the 300 s tolerance" });
  });

  it.each([-60, 60])("a clock skewed by %i s is accepted", async (offset) => {
    const request = sale();
    await deliver(signedStripe(request.body, secret(), nowSeconds() + offset), "applied");
  });

  it("several v1 (Stripe rolling the endpoint secret): a stale and a valid one are accepted in either order", async () => {
    const t = nowSeconds();
    for (const order of ["stale-first", "valid-first"] as const) {
      const request = sale();
      const valid = v1(request.body, secret(), t);
      const stale = v1(request.body, "whsec_rolled_out", t);
      const header = order === "stale-first" ? `t=${t},v1=${stale},v1=${valid}` : `t=${t},v1=${valid},v1=${stale}`;
      await deliver(withSignature(request, header), "applied");
    }
  });

  it("pretty-printed JSON signed as sent is accepted; re-serialised after signing is refused", async () => {
    const pretty = sale();
    await deliver(signedStripe(JSON.stringify(JSON.parse(pretty.body), null, 2), secret()), "applied");
    const compact = sale();
    await refused({ ...compact, body: JSON.stringify(JSON.parse(compact.body), null, 1) }, 401, compact);
  });

  it("GET → 405", async () => {
    const reply = await send(sale(), { method: "GET" });
    expect(reply.status).toBe(405);
  });
});
