import { onRequest } from "firebase-functions/https";
import { MAX_INSTANCES } from "../../config/instances.js";
import { lemonSqueezyApiKey, lemonSqueezyWebhookSecret } from "../../config/params.js";
import { secretList } from "../../config/secrets.js";
import { handleWebhook, type WebhookPlatform } from "../http/handle-webhook.js";
import { verifyLemonSqueezySignature } from "./verify.js";

export function lemonSqueezyPlatform(): WebhookPlatform {
  return {
    platform: "lemonsqueezy",
    verify: (rawBody, header) =>
      verifyLemonSqueezySignature(rawBody, header("x-signature"), secretList(lemonSqueezyWebhookSecret)),
    receipt: () => ({ sandbox: false }),
  };
}

export const lemonSqueezyWebhook = onRequest({ secrets: [lemonSqueezyWebhookSecret, lemonSqueezyApiKey], timeoutSeconds: 60, maxInstances: MAX_INSTANCES.webhooks }, (req, res) =>
  handleWebhook(req, res, lemonSqueezyPlatform()),
);
