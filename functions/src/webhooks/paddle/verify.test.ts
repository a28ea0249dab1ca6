import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readFixtureJson } from "../../../../tests/support/fixtures.js";
import { signPaddle } from "../../../../scripts/lib/webhook-signatures.js";
import { verifyPaddleSignature } from "./verify.js";

const vector = z
  .object({ header: z.string(), secret: z.string(), rawBody: z.string(), expectedH1: z.string() })
  .parse(readFixtureJson("vendor/paddle-billing/customer.created.signature-vector.json"));
const VECTOR_TS = 1710498758;

const SECRET = "pdl_ntfset_01test_secret";
const OLD_SECRET = "pdl_ntfset_01old_secret";
const NOW = 1_760_000_000;
const BODY = '{"event_id":"evt_1","event_type":"transaction.completed","data":{}}';
const body = (text: string = BODY): Buffer => Buffer.from(text, "utf8");
const h1 = (text: string, secret: string, ts: number): string =>
  createHmac("sha256", secret).update(`${ts}:${text}`).digest("hex");

describe("verifyPaddleSignature: the real Paddle vector", () => {
  it("accepts the python-sdk example with a clock at its timestamp", () => {
    expect(verifyPaddleSignature(body(vector.rawBody), vector.header, [vector.secret], VECTOR_TS)).toEqual({ ok: true });
    expect(signPaddle(vector.rawBody, vector.secret, VECTOR_TS)).toBe(vector.header);
  });

  it("rejects the vector once it is older than the tolerance", () => {
    const result = verifyPaddleSignature(body(vector.rawBody), vector.header, [vector.secret], VECTOR_TS + 301);
    expect(result).toMatchObject({ ok: false, status: 401 });
  });

  it("rejects the vector with one byte of the body changed", () => {
    const tampered = vector.rawBody.replace("John Doe", "John Dof");
    expect(verifyPaddleSignature(body(tampered), vector.header, [vector.secret], VECTOR_TS)).toMatchObject({ status: 401 });
  });

  it("rejects the vector re-serialised with other whitespace (W-07)", () => {
    const reserialised = JSON.stringify(JSON.parse(vector.rawBody), null, 1);
    expect(verifyPaddleSignature(body(reserialised), vector.header, [vector.secret], VECTOR_TS)).toMatchObject({ status: 401 });
  });

  it("uses the secret exactly as given, prefix included", () => {
    const unprefixed = vector.secret.replace("pdl_ntfset_", "");
    expect(verifyPaddleSignature(body(vector.rawBody), vector.header, [unprefixed], VECTOR_TS)).toMatchObject({ status: 401 });
  });
});

describe("verifyPaddleSignature: Standard Webhooks cases", () => {
  const valid = signPaddle(BODY, SECRET, NOW);

  it.each([
    ["missing header", undefined, 400],
    ["empty header", "", 400],
    ["missing timestamp", `h1=${h1(BODY, SECRET, NOW)}`, 400],
    ["missing signature", `ts=${NOW}`, 400],
    ["invalid timestamp", `ts=soon;h1=${h1(BODY, SECRET, NOW)}`, 400],
    ["negative timestamp", `ts=-${NOW};h1=${h1(BODY, SECRET, NOW)}`, 400],
    ["two timestamps", `ts=${NOW};ts=${NOW};h1=${h1(BODY, SECRET, NOW)}`, 400],
    ["garbled pairs", "garbage", 400],
    ["partial signature", `ts=${NOW};h1=${h1(BODY, SECRET, NOW).slice(0, 32)}`, 400],
    ["non-hex signature", `ts=${NOW};h1=${"z".repeat(64)}`, 400],
    ["invalid signature", `ts=${NOW};h1=${"0".repeat(64)}`, 401],
    ["signature from another secret", signPaddle(BODY, "pdl_ntfset_other", NOW), 401],
    ["signature for another timestamp", `ts=${NOW};h1=${h1(BODY, SECRET, NOW - 1)}`, 401],
  ])("%s → %i", (_name, header, status) => {
    expect(verifyPaddleSignature(body(), header, [SECRET], NOW)).toMatchObject({ ok: false, status });
  });

  it("accepts a valid signature, upper-case hex and spaces around pairs included", () => {
    expect(verifyPaddleSignature(body(), valid, [SECRET], NOW)).toEqual({ ok: true });
    const spaced = `ts=${NOW}; h1=${h1(BODY, SECRET, NOW).toUpperCase()}`;
    expect(verifyPaddleSignature(body(), spaced, [SECRET], NOW)).toEqual({ ok: true });
  });

  it("rejects when no secret is configured, and never treats an empty secret as one", () => {
    expect(verifyPaddleSignature(body(), valid, [], NOW)).toMatchObject({ ok: false, status: 401 });
    expect(verifyPaddleSignature(body(), signPaddle(BODY, "", NOW), [""], NOW)).toMatchObject({ ok: false, status: 401 });
  });

  it.each([
    [NOW - 300, true],
    [NOW - 301, false],
    [NOW + 300, true],
    [NOW + 301, false],
    [NOW - 6, true], // W-33: the SDK's 5 s window would reject a cold start
  ])("timestamp %i at now=NOW → ok=%s (old and future, boundary inclusive)", (ts, ok) => {
    const result = verifyPaddleSignature(body(), signPaddle(BODY, SECRET, ts), [SECRET], NOW);
    expect(result.ok).toBe(ok);
  });

  it("honours a custom tolerance", () => {
    const header = signPaddle(BODY, SECRET, NOW - 10);
    expect(verifyPaddleSignature(body(), header, [SECRET], NOW, 5).ok).toBe(false);
    expect(verifyPaddleSignature(body(), header, [SECRET], NOW, 10).ok).toBe(true);
  });

  it("accepts several signatures when any one matches, in either order (W-13)", () => {
    const stale = h1(BODY, OLD_SECRET, NOW);
    const fresh = h1(BODY, SECRET, NOW);
    expect(verifyPaddleSignature(body(), `ts=${NOW};h1=${stale};h1=${fresh}`, [SECRET], NOW)).toEqual({ ok: true });
    expect(verifyPaddleSignature(body(), `ts=${NOW};h1=${fresh};h1=${stale}`, [SECRET], NOW)).toEqual({ ok: true });
    expect(verifyPaddleSignature(body(), `ts=${NOW};h1=${stale};h1=${"a".repeat(10)}`, [SECRET], NOW)).toMatchObject({ status: 401 });
  });

  it("accepts a signature made with any configured secret (rotation)", () => {
    const header = signPaddle(BODY, OLD_SECRET, NOW);
    expect(verifyPaddleSignature(body(), header, [SECRET, OLD_SECRET], NOW)).toEqual({ ok: true });
    expect(verifyPaddleSignature(body(), header, ["", SECRET], NOW)).toMatchObject({ status: 401 });
  });

  it("ignores unknown header keys", () => {
    expect(verifyPaddleSignature(body(), `ts=${NOW};h2=abc;h1=${h1(BODY, SECRET, NOW)}`, [SECRET], NOW)).toEqual({ ok: true });
  });

  it("verifies an empty body", () => {
    expect(verifyPaddleSignature(body(""), signPaddle("", SECRET, NOW), [SECRET], NOW)).toEqual({ ok: true });
    expect(verifyPaddleSignature(body(""), valid, [SECRET], NOW)).toMatchObject({ status: 401 });
  });

  it("verifies the raw bytes, multi-byte characters included", () => {
    const text = '{"name":"Zoë 東京"}';
    expect(verifyPaddleSignature(body(text), signPaddle(text, SECRET, NOW), [SECRET], NOW)).toEqual({ ok: true });
  });

  it("never echoes the secret or a digest in the reason", () => {
    const expected = h1(BODY, SECRET, NOW);
    for (const header of [`ts=${NOW};h1=${"0".repeat(64)}`, signPaddle(BODY, SECRET, NOW - 999), "x"]) {
      const result = verifyPaddleSignature(body(), header, [SECRET], NOW);
      if (result.ok) throw new Error("expected a rejection");
      expect(result.reason).not.toContain(SECRET);
      expect(result.reason).not.toContain(expected);
      expect(result.reason).not.toMatch(/[0-9a-f]{16}/);
    }
  });
});
