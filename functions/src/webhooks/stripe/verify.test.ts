import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signStripe } from "../../../../scripts/lib/webhook-signatures.js";
import { verifyStripeSignature } from "./verify.js";

const SECRET = "whsec_test_current";
const OLD_SECRET = "whsec_test_previous";
const NOW = 1_760_000_000;
const BODY = '{"id":"evt_1","object":"event","type":"checkout.session.completed","data":{"object":{}}}';
const body = (text: string = BODY): Buffer => Buffer.from(text, "utf8");
// Computed here independently of the helper under test: HMAC-SHA256 over `t.rawBody`, hex.
const v1 = (text: string, secret: string, t: number): string => createHmac("sha256", secret).update(`${t}.${text}`).digest("hex");

describe("verifyStripeSignature", () => {
  const valid = `t=${NOW},v1=${v1(BODY, SECRET, NOW)}`;

  it("accepts Stripe's header, and the test helper signs the same way", () => {
    expect(verifyStripeSignature(body(), valid, [SECRET], NOW)).toEqual({ ok: true });
    expect(signStripe(BODY, SECRET, NOW)).toBe(valid);
  });

  it.each([
    ["missing header", undefined, 400],
    ["empty header", "", 400],
    ["missing timestamp", `v1=${v1(BODY, SECRET, NOW)}`, 400],
    ["missing signature", `t=${NOW}`, 400],
    ["only a v0 signature", `t=${NOW},v0=${v1(BODY, SECRET, NOW)}`, 400],
    ["invalid timestamp", `t=soon,v1=${v1(BODY, SECRET, NOW)}`, 400],
    ["negative timestamp", `t=-${NOW},v1=${v1(BODY, SECRET, NOW)}`, 400],
    ["two timestamps", `t=${NOW},t=${NOW},v1=${v1(BODY, SECRET, NOW)}`, 400],
    ["Paddle's separator", `t=${NOW};v1=${v1(BODY, SECRET, NOW)}`, 400],
    ["garbled pairs", "garbage", 400],
    ["partial signature", `t=${NOW},v1=${v1(BODY, SECRET, NOW).slice(0, 32)}`, 400],
    ["non-hex signature", `t=${NOW},v1=${"z".repeat(64)}`, 400],
    ["invalid signature", `t=${NOW},v1=${"0".repeat(64)}`, 401],
    ["signature from another secret", signStripe(BODY, "whsec_other", NOW), 401],
    ["signature for another timestamp", `t=${NOW},v1=${v1(BODY, SECRET, NOW - 1)}`, 401],
    ["Paddle's signed content (t:body)", `t=${NOW},v1=${createHmac("sha256", SECRET).update(`${NOW}:${BODY}`).digest("hex")}`, 401],
  ])("%s → %i", (_name, header, status) => {
    expect(verifyStripeSignature(body(), header, [SECRET], NOW)).toMatchObject({ ok: false, status });
  });

  it("accepts upper-case hex and spaces around pairs, and ignores a v0 beside the v1", () => {
    expect(verifyStripeSignature(body(), `t=${NOW}, v1=${v1(BODY, SECRET, NOW).toUpperCase()}`, [SECRET], NOW)).toEqual({ ok: true });
    expect(verifyStripeSignature(body(), `t=${NOW},v1=${v1(BODY, SECRET, NOW)},v0=${"0".repeat(64)}`, [SECRET], NOW)).toEqual({ ok: true });
  });

  it.each([
    [NOW - 300, true],
    [NOW - 301, false],
    [NOW + 300, true],
    [NOW + 301, false],
  ])("timestamp %i at now=NOW → ok=%s (old and future, boundary inclusive)", (t, ok) => {
    expect(verifyStripeSignature(body(), signStripe(BODY, SECRET, t), [SECRET], NOW).ok).toBe(ok);
  });

  it("an old timestamp is refused even with a valid signature, and a custom tolerance is honoured", () => {
    const header = signStripe(BODY, SECRET, NOW - 10);
    expect(verifyStripeSignature(body(), header, [SECRET], NOW, 5)).toMatchObject({ ok: false, status: 401, reason: "timestamp outside the 5 s tolerance" });
    expect(verifyStripeSignature(body(), header, [SECRET], NOW, 10).ok).toBe(true);
  });

  it("accepts several v1 when any one matches, in either order (Stripe rolling a secret)", () => {
    const stale = v1(BODY, OLD_SECRET, NOW);
    const fresh = v1(BODY, SECRET, NOW);
    expect(verifyStripeSignature(body(), `t=${NOW},v1=${stale},v1=${fresh}`, [SECRET], NOW)).toEqual({ ok: true });
    expect(verifyStripeSignature(body(), `t=${NOW},v1=${fresh},v1=${stale}`, [SECRET], NOW)).toEqual({ ok: true });
    expect(verifyStripeSignature(body(), signStripe(BODY, [OLD_SECRET, SECRET], NOW), [SECRET], NOW)).toEqual({ ok: true });
    expect(verifyStripeSignature(body(), `t=${NOW},v1=${stale},v1=${"a".repeat(10)}`, [SECRET], NOW)).toMatchObject({ status: 401 });
  });

  it("accepts a signature made with any configured secret (our side of a rotation)", () => {
    const header = signStripe(BODY, OLD_SECRET, NOW);
    expect(verifyStripeSignature(body(), header, [SECRET, OLD_SECRET], NOW)).toEqual({ ok: true });
    expect(verifyStripeSignature(body(), header, [SECRET], NOW)).toMatchObject({ status: 401 });
  });

  it("rejects when no secret is configured, and never treats an empty secret as one", () => {
    expect(verifyStripeSignature(body(), valid, [], NOW)).toMatchObject({ ok: false, status: 401 });
    expect(verifyStripeSignature(body(), signStripe(BODY, "", NOW), [""], NOW)).toMatchObject({ ok: false, status: 401 });
  });

  it("verifies the raw bytes: whitespace and multi-byte characters count", () => {
    const text = '{"name":"Zoë 東京"}';
    expect(verifyStripeSignature(body(text), signStripe(text, SECRET, NOW), [SECRET], NOW)).toEqual({ ok: true });
    const reserialised = JSON.stringify(JSON.parse(BODY), null, 2);
    expect(verifyStripeSignature(body(reserialised), valid, [SECRET], NOW)).toMatchObject({ status: 401 });
  });

  it("never echoes the secret or a digest in the reason", () => {
    const expected = v1(BODY, SECRET, NOW);
    for (const header of [`t=${NOW},v1=${"0".repeat(64)}`, signStripe(BODY, SECRET, NOW - 999), "x"]) {
      const result = verifyStripeSignature(body(), header, [SECRET], NOW);
      if (result.ok) throw new Error("expected a rejection");
      expect(result.reason).not.toContain(SECRET);
      expect(result.reason).not.toContain(expected);
      expect(result.reason).not.toMatch(/[0-9a-f]{16}/);
    }
  });
});
