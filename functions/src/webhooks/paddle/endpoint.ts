import { onRequest } from "firebase-functions/https";
import { listOf, paddleEnvironment, paddleWebhookSecret } from "../../config/params.js";
import { handleWebhook, type WebhookPlatform } from "../http/handle-webhook.js";
import { verifyPaddleSignature } from "./verify.js";

export function paddlePlatform(): WebhookPlatform {
  return {
    platform: "paddle",
    verify: (rawBody, header, nowSeconds) =>
      verifyPaddleSignature(rawBody, header("paddle-signature"), listOf(paddleWebhookSecret.value()), nowSeconds),
    receipt: () => ({ sandbox: paddleEnvironment.value() === "sandbox" }),
  };
}

export const paddleWebhook = onRequest({ secrets: [paddleWebhookSecret], minInstances: 0, timeoutSeconds: 60 }, (req, res) =>
  handleWebhook(req, res, paddlePlatform()),
);
