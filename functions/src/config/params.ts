import { defineBoolean, defineSecret, defineString } from "firebase-functions/params";

// Every parameter the functions read. Values come from functions/.env.local and
// functions/.secret.local on the emulators, and from `firebase functions:secrets:set` in production.
// Secrets may hold several values separated by commas, so a rotated secret can overlap the new one.

export const paddleWebhookSecret = defineSecret("PADDLE_WEBHOOK_SECRET");
export const paddleClassicPublicKey = defineSecret("PADDLE_CLASSIC_PUBLIC_KEY");
export const lemonSqueezyWebhookSecret = defineSecret("LEMONSQUEEZY_WEBHOOK_SECRET");
export const clickSalt = defineSecret("CLICK_SALT");

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

export const enforceAppCheck = defineBoolean("ENFORCE_APP_CHECK", {
  description: "The public callables (apply, signInLink) refuse calls without a valid App Check token (the portal's reCAPTCHA Enterprise provider, VITE_APP_CHECK_SITE_KEY).",
  default: true,
});

/** Splits a multi-value parameter: comma-separated, blanks dropped. PEM keys are separated by blank lines instead. */
export function listOf(value: string): string[] {
  return value
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v.length > 0);
}

export function pemKeysOf(value: string): string[] {
  // `.secret.local` stores a PEM on one line with literal `\n` escapes.
  const text = value.replace(/\\n/g, "\n");
  return text.match(/-----BEGIN PUBLIC KEY-----[\s\S]+?-----END PUBLIC KEY-----/g) ?? [];
}
