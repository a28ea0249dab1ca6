import { onRequest } from "firebase-functions/https";
import { MAX_INSTANCES } from "../../config/instances.js";
import { lemonSqueezyWebhookSecret, listOf } from "../../config/params.js";
import { handleWebhook, type WebhookPlatform } from "../http/handle-webhook.js";
import { parseLemonSqueezyEvent } from "./parse.js";
import { verifyLemonSqueezySignature } from "./verify.js";

export function lemonSqueezyPlatform(): WebhookPlatform {
  return {
    platform: "lemonsqueezy",
    verify: (rawBody, header) =>
      verifyLemonSqueezySignature(rawBody, header("x-signature"), listOf(lemonSqueezyWebhookSecret.value())),
    parse: (rawBody) => parseLemonSqueezyEvent(rawBody),
  };
}

export const lemonSqueezyWebhook = onRequest({ secrets: [lemonSqueezyWebhookSecret], timeoutSeconds: 60, maxInstances: MAX_INSTANCES.webhooks }, (req, res) =>
  handleWebhook(req, res, lemonSqueezyPlatform()),
);
