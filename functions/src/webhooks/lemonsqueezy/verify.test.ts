import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readFixtureText } from "../../../../tests/support/fixtures.js";
import { signLemonSqueezy } from "../../../../scripts/lib/webhook-signatures.js";
import { verifyLemonSqueezySignature } from "./verify.js";

const SECRET = "ls-signing-secret-1";
const OLD_SECRET = "ls-signing-secret-0";
const ORDER = readFixtureText("vendor/lemonsqueezy/order.after-partial-refund.docs-api-example.json").trim();
const BODY = `{"meta":{"event_name":"order_created","custom_data":{"aff":"a1"}},"data":${ORDER}}`;
const body = (text: string = BODY): Buffer => Buffer.from(text, "utf8");

describe("verifyLemonSqueezySignature", () => {
  const valid = signLemonSqueezy(BODY, SECRET);

  it("produces the hex HMAC-SHA256 of the raw body", () => {
    expect(valid).toBe(createHmac("sha256", SECRET).update(BODY).digest("hex"));
    expect(valid).toMatch(/^[0-9a-f]{64}$/);
  });

  it("accepts a valid signature, upper case and surrounding spaces included", () => {
    expect(verifyLemonSqueezySignature(body(), valid, [SECRET])).toEqual({ ok: true });
    expect(verifyLemonSqueezySignature(body(), ` ${valid.toUpperCase()} `, [SECRET])).toEqual({ ok: true });
  });

  it.each([
    ["missing header", undefined, 400],
    ["empty header", "", 400],
    ["blank header", "   ", 400],
    ["partial signature", valid.slice(0, 40), 400],
    ["signature too long", `${valid}00`, 400],
    ["non-hex signature", "g".repeat(64), 400],
    ["scheme prefix", `sha256=${valid}`, 400],
    ["invalid signature", "0".repeat(64), 401],
    ["signature from another secret", signLemonSqueezy(BODY, "other-secret"), 401],
  ])("%s → %i", (_name, header, status) => {
    expect(verifyLemonSqueezySignature(body(), header, [SECRET])).toMatchObject({ ok: false, status });
  });

  it("rejects when no secret is configured, and never treats an empty secret as one", () => {
    expect(verifyLemonSqueezySignature(body(), valid, [])).toMatchObject({ ok: false, status: 401 });
    expect(verifyLemonSqueezySignature(body(), signLemonSqueezy(BODY, ""), [""])).toMatchObject({ ok: false, status: 401 });
  });

  it("rejects a body changed by one byte (W-05)", () => {
    const tampered = BODY.replace('"total": 1199', '"total": 1198');
    expect(tampered).not.toBe(BODY);
    expect(verifyLemonSqueezySignature(body(tampered), valid, [SECRET])).toMatchObject({ status: 401 });
  });

  it("rejects a re-serialised body (W-07)", () => {
    const reserialised = JSON.stringify(JSON.parse(BODY));
    expect(reserialised).not.toBe(BODY);
    expect(verifyLemonSqueezySignature(body(reserialised), valid, [SECRET])).toMatchObject({ status: 401 });
  });

  it("accepts a signature made with any configured secret (rotation)", () => {
    const old = signLemonSqueezy(BODY, OLD_SECRET);
    expect(verifyLemonSqueezySignature(body(), old, [SECRET, OLD_SECRET])).toEqual({ ok: true });
    expect(verifyLemonSqueezySignature(body(), old, [SECRET])).toMatchObject({ status: 401 });
  });

  it("verifies an empty body", () => {
    expect(verifyLemonSqueezySignature(body(""), signLemonSqueezy("", SECRET), [SECRET])).toEqual({ ok: true });
    expect(verifyLemonSqueezySignature(body(""), valid, [SECRET])).toMatchObject({ status: 401 });
  });

  it("has no clock: a months-old body still verifies, so dedupe must catch replays (W-12)", () => {
    expect(verifyLemonSqueezySignature(body(), valid, [SECRET])).toEqual({ ok: true });
  });

  it("never echoes the secret or a digest in the reason", () => {
    for (const header of ["0".repeat(64), "short", undefined]) {
      const result = verifyLemonSqueezySignature(body(), header, [SECRET]);
      if (result.ok) throw new Error("expected a rejection");
      expect(result.reason).not.toContain(SECRET);
      expect(result.reason).not.toContain(valid);
      expect(result.reason).not.toMatch(/[0-9a-f]{16}/);
    }
  });
});
