import { expect, test } from "vitest";
import { ConfigError } from "../../config/runtime.js";
import { handleWebhook } from "./handle-webhook.js";

test("a secret that cannot be used answers 500 (the platform retries) and goes no further than verification", async () => {
  const reply = { code: 0, body: undefined as unknown };
  const res = {
    status(code: number) {
      reply.code = code;
      return res;
    },
    set: () => res,
    json(body: unknown) {
      reply.body = body;
    },
  };
  let passedVerification = false;
  await handleWebhook({ method: "POST", rawBody: Buffer.from("{}"), get: () => undefined }, res, {
    platform: "lemonsqueezy",
    verify: () => {
      throw new ConfigError("LEMONSQUEEZY_WEBHOOK_SECRET holds the demo value");
    },
    receipt: () => {
      passedVerification = true;
      return { sandbox: false };
    },
  });
  expect(reply).toEqual({ code: 500, body: { error: "The webhook secret is not configured." } });
  expect(passedVerification).toBe(false);
});
