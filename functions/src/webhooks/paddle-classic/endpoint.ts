import { onRequest } from "firebase-functions/https";
import { MAX_INSTANCES } from "../../config/instances.js";
import { paddleClassicPublicKey } from "../../config/params.js";
import { secretPemKeys } from "../../config/secrets.js";
import { handleWebhook, type WebhookPlatform } from "../http/handle-webhook.js";
import { classicFieldsFromBody } from "./parse.js";
import { verifyPaddleClassicSignature } from "./verify.js";

// Classic alerts are form-encoded; the signature covers the fields, so both steps read them from
// the raw body rather than from the framework's parsed copy.
export function paddleClassicPlatform(): WebhookPlatform {
  return {
    platform: "paddle-classic",
    verify: (rawBody) =>
      verifyPaddleClassicSignature(classicFieldsFromBody(rawBody), secretPemKeys(paddleClassicPublicKey)),
    receipt: () => ({ sandbox: false }),
  };
}

export const paddleClassicWebhook = onRequest({ secrets: [paddleClassicPublicKey], timeoutSeconds: 60, maxInstances: MAX_INSTANCES.webhooks }, (req, res) =>
  handleWebhook(req, res, paddleClassicPlatform()),
);
