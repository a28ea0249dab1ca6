import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readFixtureJson, readFixtureText } from "../../../../tests/support/fixtures.js";
import { signPaddleClassic } from "../../../../scripts/lib/webhook-signatures.js";
import { phpSerializeFields } from "./fields.js";
import { verifyPaddleClassicSignature } from "./verify.js";

const REAL = z.record(z.string(), z.string()).parse(readFixtureJson("vendor/paddle-classic/payment_succeeded.simplelogin-simulator.json"));
const REAL_KEY = readFixtureText("vendor/paddle-classic/payment_succeeded.simplelogin-simulator.public-key.pem");
const DEV_PRIVATE = readFixtureText("keys/paddle-classic-dev.private.pem");
const DEV_PUBLIC = readFixtureText("keys/paddle-classic-dev.public.pem");

function devSigned(fields: Record<string, string>): Record<string, string> {
  return { ...fields, p_signature: signPaddleClassic(fields, DEV_PRIVATE) };
}

/** What the glue does: the raw form body through URLSearchParams. */
function asForm(fields: Record<string, string>): URLSearchParams {
  return new URLSearchParams(new URLSearchParams(fields).toString());
}

const BASE = { alert_id: "101", alert_name: "payment_succeeded", order_id: "9", sale_gross: "19.99" };

describe("phpSerializeFields", () => {
  it("serializes sorted keys with UTF-8 byte lengths and drops p_signature", () => {
    const out = phpSerializeFields({ name: "Zoë", alert_id: "123", p_signature: "x", empty: "" });
    expect(out.toString("utf8")).toBe('a:3:{s:8:"alert_id";s:3:"123";s:5:"empty";s:0:"";s:4:"name";s:4:"Zoë";}');
  });
});

describe("verifyPaddleClassicSignature: the real simulator alert", () => {
  it("verifies as a record, a Map and a decoded form body", () => {
    expect(verifyPaddleClassicSignature(REAL, [REAL_KEY])).toEqual({ ok: true });
    expect(verifyPaddleClassicSignature(new Map(Object.entries(REAL)), [REAL_KEY])).toEqual({ ok: true });
    expect(verifyPaddleClassicSignature(asForm(REAL), [REAL_KEY])).toEqual({ ok: true });
  });

  it("verifies when a `+` of the signature arrived unencoded and became a space", () => {
    const mangled = { ...REAL, p_signature: (REAL.p_signature ?? "").replace(/\+/g, " ") };
    expect(mangled.p_signature).toContain(" ");
    expect(verifyPaddleClassicSignature(mangled, [REAL_KEY])).toEqual({ ok: true });
  });

  it.each([
    ["a changed amount", { sale_gross: "568.83" }],
    ["a changed affiliate", { passthrough: "Example Strinh" }],
    ["an added field", { extra: "" }],
  ])("rejects %s", (_name, change) => {
    expect(verifyPaddleClassicSignature({ ...REAL, ...change }, [REAL_KEY])).toMatchObject({ ok: false, status: 401 });
  });

  it("rejects a removed field", () => {
    const { coupon: _coupon, ...rest } = REAL;
    expect(verifyPaddleClassicSignature(rest, [REAL_KEY])).toMatchObject({ ok: false, status: 401 });
  });

  it("rejects the right data under the wrong key, and accepts it when the right key is also configured", () => {
    expect(verifyPaddleClassicSignature(REAL, [DEV_PUBLIC])).toMatchObject({ status: 401 });
    expect(verifyPaddleClassicSignature(REAL, [DEV_PUBLIC, REAL_KEY])).toEqual({ ok: true });
  });
});

describe("verifyPaddleClassicSignature: Standard Webhooks cases", () => {
  const valid = devSigned(BASE);

  it("accepts a valid signature from the dev key", () => {
    expect(verifyPaddleClassicSignature(asForm(valid), [DEV_PUBLIC])).toEqual({ ok: true });
  });

  it.each([
    ["missing signature", BASE, 400],
    ["empty signature", { ...BASE, p_signature: "" }, 400],
    ["non-base64 signature", { ...BASE, p_signature: "not base64!" }, 400],
    ["partial signature", { ...valid, p_signature: (valid.p_signature ?? "").slice(0, 100) }, 401],
    ["invalid signature", { ...BASE, p_signature: Buffer.alloc(256, 7).toString("base64") }, 401],
    ["signature of other fields", { ...BASE, p_signature: signPaddleClassic({ ...BASE, order_id: "10" }, DEV_PRIVATE) }, 401],
  ])("%s → %i", (_name, fields, status) => {
    expect(verifyPaddleClassicSignature(fields, [DEV_PUBLIC])).toMatchObject({ ok: false, status });
  });

  it("rejects a repeated field, whose first and last values could differ", () => {
    const form = asForm(valid);
    form.append("order_id", "10");
    expect(verifyPaddleClassicSignature(form, [DEV_PUBLIC])).toMatchObject({ ok: false, status: 400 });
  });

  it("rejects when no usable public key is configured", () => {
    expect(verifyPaddleClassicSignature(valid, [])).toMatchObject({ ok: false, status: 401 });
    expect(verifyPaddleClassicSignature(valid, ["not a pem"])).toMatchObject({ ok: false, status: 401 });
    expect(verifyPaddleClassicSignature(valid, ["not a pem", DEV_PUBLIC])).toEqual({ ok: true });
  });

  it("verifies unicode, numeric-string and empty values, and rejects any change (W-36)", () => {
    const fields = devSigned({ ...BASE, customer_name: "Zoë Ångström 東京", quantity: "007", marketing_consent: "" });
    expect(verifyPaddleClassicSignature(asForm(fields), [DEV_PUBLIC])).toEqual({ ok: true });
    expect(verifyPaddleClassicSignature({ ...fields, quantity: "7" }, [DEV_PUBLIC])).toMatchObject({ status: 401 });
    expect(verifyPaddleClassicSignature({ ...fields, customer_name: "Zoe Ångström 東京" }, [DEV_PUBLIC])).toMatchObject({ status: 401 });
    const { marketing_consent: _dropped, ...withoutEmpty } = fields;
    expect(verifyPaddleClassicSignature(withoutEmpty, [DEV_PUBLIC])).toMatchObject({ status: 401 });
  });

  it("verifies a field set that is only the signature (empty payload)", () => {
    expect(verifyPaddleClassicSignature(devSigned({}), [DEV_PUBLIC])).toEqual({ ok: true });
  });

  it("has no timestamp: replay is left to alert_id dedupe (W-12)", () => {
    expect(verifyPaddleClassicSignature({ ...valid }, [DEV_PUBLIC])).toEqual({ ok: true });
  });

  it("never echoes a key or the signature in the reason", () => {
    const result = verifyPaddleClassicSignature({ ...BASE, p_signature: Buffer.alloc(256, 7).toString("base64") }, [DEV_PUBLIC]);
    if (result.ok) throw new Error("expected a rejection");
    expect(result.reason).not.toMatch(/BEGIN|[A-Za-z0-9+/]{20}/);
  });
});
