import { onRequest } from "firebase-functions/https";
import { lemonSqueezyWebhookSecret, listOf } from "../../config/params.js";
import { handleWebhook, type WebhookPlatform } from "../http/handle-webhook.js";
import { verifyLemonSqueezySignature } from "./verify.js";

export function lemonSqueezyPlatform(): WebhookPlatform {
  return {
    platform: "lemonsqueezy",
    verify: (rawBody, header) =>
      verifyLemonSqueezySignature(rawBody, header("x-signature"), listOf(lemonSqueezyWebhookSecret.value())),
    receipt: () => ({ sandbox: false }),
  };
}

export const lemonSqueezyWebhook = onRequest({ secrets: [lemonSqueezyWebhookSecret], timeoutSeconds: 60 }, (req, res) =>
  handleWebhook(req, res, lemonSqueezyPlatform()),
);
