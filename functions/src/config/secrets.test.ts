import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseEnv } from "node:util";
import { afterEach, describe, expect, test } from "vitest";
import { signLemonSqueezy, signPaddle, signStripe } from "../../../scripts/lib/webhook-signatures.js";
import { verifyLemonSqueezySignature } from "../webhooks/lemonsqueezy/verify.js";
import { verifyPaddleSignature } from "../webhooks/paddle/verify.js";
import { verifyStripeSignature } from "../webhooks/stripe/verify.js";
import { ConfigError } from "./runtime.js";
import { checkedSecret, isDemoSecret, pemKeysOf, secretList, secretValues } from "./secrets.js";

const example = parseEnv(readFileSync(join(__dirname, "../../.secret.local.example"), "utf8"));
const BODY = '{"meta":{"event_name":"order_created"}}';

describe("secretValues: one value a line", () => {
  test("a comma, semicolon or space is part of the value", () => {
    expect(secretValues("ab,c;d e")).toEqual(["ab,c;d e"]);
  });

  test("line breaks (LF or CRLF) separate values; blanks around them and empty lines are dropped", () => {
    expect(secretValues(" old,1 \r\n\nnew,2\n")).toEqual(["old,1", "new,2"]);
  });

  test('.secret.local writes two values as NAME="a\\nb", which the dotenv parser turns into a line break', () => {
    expect(secretValues(parseEnv('S="first,x\\nsecond"').S ?? "")).toEqual(["first,x", "second"]);
  });

  test("a Lemon Squeezy secret with a comma verifies as itself, and its halves do not", () => {
    const secret = "ls,secret";
    const signature = signLemonSqueezy(BODY, secret);
    expect(verifyLemonSqueezySignature(Buffer.from(BODY), signature, secretValues(`${secret}\nrotated`))).toEqual({ ok: true });
    expect(verifyLemonSqueezySignature(Buffer.from(BODY), signLemonSqueezy(BODY, "ls"), secretValues(secret)).ok).toBe(false);
  });

  test("a Paddle secret with a comma verifies while it overlaps the new one", () => {
    const now = 1_700_000_000;
    const values = secretValues("pdl_new\npdl_old,1");
    expect(verifyPaddleSignature(Buffer.from(BODY), signPaddle(BODY, "pdl_old,1", now), values, now)).toEqual({ ok: true });
    expect(verifyPaddleSignature(Buffer.from(BODY), signPaddle(BODY, "pdl_old", now), values, now).ok).toBe(false);
  });

  test("a Stripe secret verifies while it overlaps the new one, read from one value a line", () => {
    const now = 1_700_000_000;
    const values = secretValues("whsec_new\nwhsec_old");
    expect(verifyStripeSignature(Buffer.from(BODY), signStripe(BODY, "whsec_old", now), values, now)).toEqual({ ok: true });
    expect(verifyStripeSignature(Buffer.from(BODY), signStripe(BODY, "whsec_other", now), values, now).ok).toBe(false);
  });
});

describe("demo secrets", () => {
  const names = ["PADDLE_WEBHOOK_SECRET", "LEMONSQUEEZY_WEBHOOK_SECRET", "CLICK_SALT", "PADDLE_CLASSIC_PUBLIC_KEY", "STRIPE_WEBHOOK_SECRET", "PADDLE_API_KEY", "LEMONSQUEEZY_API_KEY", "STRIPE_API_KEY"];

  test("the example file holds exactly the secrets known as demo values", () => {
    expect(Object.keys(example).sort()).toEqual([...names].sort());
  });

  test.each(names)("%s from the example file is refused outside the emulators, naming what to set", (name) => {
    const raw = example[name] ?? "";
    const values = name === "PADDLE_CLASSIC_PUBLIC_KEY" ? pemKeysOf(raw) : secretValues(raw);
    expect(values.length).toBe(1);
    expect(isDemoSecret(name, values)).toBe(true);
    expect(checkedSecret(name, values, true)).toEqual(values);
    expect(() => checkedSecret(name, values, false)).toThrow(ConfigError);
    expect(() => checkedSecret(name, values, false)).toThrow(new RegExp(`${name} holds the demo value.*firebase functions:secrets:set ${name}`));
  });

  test("a demo value among real ones is still refused (a rotation that kept the demo secret)", () => {
    expect(() => checkedSecret("PADDLE_WEBHOOK_SECRET", ["pdl_real", "pdl_ntfset_demo_local_only_secret"], false)).toThrow(ConfigError);
  });

  test("the demo Classic key is recognised however its PEM is wrapped", () => {
    const key = pemKeysOf(example.PADDLE_CLASSIC_PUBLIC_KEY ?? "")[0] ?? "";
    const rewrapped = key.replace(/\n/g, "").replace("-----BEGIN PUBLIC KEY-----", "-----BEGIN PUBLIC KEY-----\n");
    expect(isDemoSecret("PADDLE_CLASSIC_PUBLIC_KEY", [rewrapped])).toBe(true);
  });

  test("real values pass outside the emulators", () => {
    expect(checkedSecret("LEMONSQUEEZY_WEBHOOK_SECRET", ["a-real,secret"], false)).toEqual(["a-real,secret"]);
    expect(checkedSecret("CLICK_SALT", ["9f8e7d"], false)).toEqual(["9f8e7d"]);
  });
});

describe("secretList reads the parameter inside the handler", () => {
  const saved = { value: process.env.LEMONSQUEEZY_WEBHOOK_SECRET, emulator: process.env.FUNCTIONS_EMULATOR };
  afterEach(() => {
    for (const [key, value] of [["LEMONSQUEEZY_WEBHOOK_SECRET", saved.value], ["FUNCTIONS_EMULATOR", saved.emulator]] as const) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });
  const param = { name: "LEMONSQUEEZY_WEBHOOK_SECRET", value: () => process.env.LEMONSQUEEZY_WEBHOOK_SECRET ?? "" };

  test("the demo value works on the emulators and nowhere else", () => {
    process.env.LEMONSQUEEZY_WEBHOOK_SECRET = example.LEMONSQUEEZY_WEBHOOK_SECRET;
    process.env.FUNCTIONS_EMULATOR = "true";
    expect(secretList(param)).toEqual(["ls_demo,local_only_secret"]);
    delete process.env.FUNCTIONS_EMULATOR;
    expect(() => secretList(param)).toThrow(ConfigError);
  });
});
