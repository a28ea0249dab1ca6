import { onRequest } from "firebase-functions/https";
import { MAX_INSTANCES } from "../../config/instances.js";
import { stripeApiKey, stripeWebhookSecret } from "../../config/params.js";
import { secretList } from "../../config/secrets.js";
import { handleWebhook, type WebhookPlatform } from "../http/handle-webhook.js";
import { verifyStripeSignature } from "./verify.js";

export function stripePlatform(): WebhookPlatform {
  return {
    platform: "stripe",
    verify: (rawBody, header, nowSeconds) =>
      verifyStripeSignature(rawBody, header("stripe-signature"), secretList(stripeWebhookSecret), nowSeconds),
    // Stripe says in every event whether it is live (`livemode`), so nothing about the endpoint is needed.
    receipt: () => ({ sandbox: false }),
  };
}

export const stripeWebhook = onRequest({ secrets: [stripeWebhookSecret, stripeApiKey], timeoutSeconds: 60, maxInstances: MAX_INSTANCES.webhooks }, (req, res) =>
  handleWebhook(req, res, stripePlatform()),
);
