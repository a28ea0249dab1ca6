import { onRequest } from "firebase-functions/https";
import { MAX_INSTANCES } from "../../config/instances.js";
import { paddleEnvironment, paddleWebhookSecret } from "../../config/params.js";
import { secretList } from "../../config/secrets.js";
import { handleWebhook, type WebhookPlatform } from "../http/handle-webhook.js";
import { verifyPaddleSignature } from "./verify.js";

export function paddlePlatform(): WebhookPlatform {
  return {
    platform: "paddle",
    verify: (rawBody, header, nowSeconds) =>
      verifyPaddleSignature(rawBody, header("paddle-signature"), secretList(paddleWebhookSecret), nowSeconds),
    receipt: () => ({ sandbox: paddleEnvironment.value() === "sandbox" }),
  };
}

export const paddleWebhook = onRequest({ secrets: [paddleWebhookSecret], minInstances: 0, timeoutSeconds: 60, maxInstances: MAX_INSTANCES.webhooks }, (req, res) =>
  handleWebhook(req, res, paddlePlatform()),
);
