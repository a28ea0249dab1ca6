import { defineBoolean, defineInt, defineSecret, defineString } from "firebase-functions/params";
import { CLICKS_PER_AFFILIATE_PER_MINUTE } from "../clicks/limits.js";

// Every parameter the functions read. Values come from functions/.env.local and
// functions/.secret.local on the emulators, and from `firebase functions:secrets:set` in production.
// Secrets are read through secrets.ts (one value a line, demo values refused outside the emulators).

export const paddleWebhookSecret = defineSecret("PADDLE_WEBHOOK_SECRET");
export const paddleClassicPublicKey = defineSecret("PADDLE_CLASSIC_PUBLIC_KEY");
export const lemonSqueezyWebhookSecret = defineSecret("LEMONSQUEEZY_WEBHOOK_SECRET");
export const clickSalt = defineSecret("CLICK_SALT");
export const stripeWebhookSecret = defineSecret("STRIPE_WEBHOOK_SECRET");
// Reconciliation (reconcile/): optional. The value `off` (or nothing) leaves it off; see api-keys.ts.
export const paddleApiKey = defineSecret("PADDLE_API_KEY");
export const lemonSqueezyApiKey = defineSecret("LEMONSQUEEZY_API_KEY");
// Stripe's API (webhooks/stripe/api.ts): the seller's net, promotion codes and subscription refunds.
export const stripeApiKey = defineSecret("STRIPE_API_KEY");
export const paddleApiBaseUrl = defineString("PADDLE_API_BASE_URL", {
  description: "Paddle Billing API. The sandbox's is used instead when PADDLE_ENVIRONMENT is sandbox and this is left as it is.",
  default: "https://api.paddle.com",
});
export const lemonSqueezyApiBaseUrl = defineString("LEMONSQUEEZY_API_BASE_URL", {
  description: "Lemon Squeezy API (without /v1).",
  default: "https://api.lemonsqueezy.com",
});

export const stripeApiBaseUrl = defineString("STRIPE_API_BASE_URL", {
  description: "Stripe API (without /v1).",
  default: "https://api.stripe.com",
});

export const ownerEmails = defineString("OWNER_EMAILS", {
  description: "Comma-separated emails of the program's owners: they get the owner claim and every sale email.",
});
// No default for the two public URLs: a deploy must be told them (see public-url.ts).
const HTTPS_URL = {
  text: { validationRegex: "^https://[^/]+", validationErrorMessage: "An https:// URL that people can open, e.g. https://affiliates.example.com" },
};
export const portalUrl = defineString("PORTAL_URL", {
  description: "Public https URL of the portal (Hosting), used in emails and links.",
  input: HTTPS_URL,
});
export const paddleEnvironment = defineString("PADDLE_ENVIRONMENT", {
  description: "`sandbox` marks every Paddle Billing event as a test event that earns nothing.",
  default: "production",
  input: { select: { options: [{ value: "production" }, { value: "sandbox" }] } },
});
export const defaultRedirectUrl = defineString("DEFAULT_REDIRECT_URL", {
  description: "Public https URL where /r/ links for unknown courses land (never an arbitrary URL from the request).",
  input: HTTPS_URL,
});

export const clicksPerAffiliatePerMinute = defineInt("CLICKS_PER_AFFILIATE_PER_MINUTE", {
  description: "Counted clicks per minute for one affiliate, per instance of each click endpoint; beyond it clicks are not counted (docs/clicks.md).",
  default: CLICKS_PER_AFFILIATE_PER_MINUTE,
});

export const enforceAppCheck = defineBoolean("ENFORCE_APP_CHECK", {
  description: "The public callables (apply, signInLink) refuse calls without a valid App Check token (the portal's reCAPTCHA Enterprise provider, VITE_APP_CHECK_SITE_KEY).",
  default: true,
});

/** Splits OWNER_EMAILS: comma-separated (no address has a comma), blanks dropped. */
export function listOf(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}
