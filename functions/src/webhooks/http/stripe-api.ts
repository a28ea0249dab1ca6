import { logger } from "firebase-functions";
import { stripeApiBaseUrl, stripeApiKey } from "../../config/params.js";
import { secretValue } from "../../config/secrets.js";
import { keyOrNull } from "../../reconcile/api-keys.js";
import { DEFAULT_POLICY, getJson, type HttpPolicy } from "../../reconcile/http.js";
import { STRIPE_API_VERSION, type StripeApi } from "../stripe/api-client.js";

// Stripe's REST API, read-only: GETs with Bearer auth and form-encoded query parameters
// (`expand[]=…`, `payment[payment_intent]=…`). Its errors are `{error: {type, code, message}}`; a
// 429 (after `Retry-After`) or 5xx is retried with back-off by http.ts, and what is left after that
// is thrown with the status and the start of Stripe's message.

/** The client when STRIPE_API_KEY is set (not blank, not `off`), else null. Read inside handlers only. */
export function stripeApi(policy: HttpPolicy = DEFAULT_POLICY): StripeApi | null {
  const key = keyOrNull(secretValue(stripeApiKey));
  if (key === null) return null;
  const base = stripeApiBaseUrl.value().replace(/\/+$/, "");
  return {
    get: (path, params = []) => {
      const search = new URLSearchParams();
      for (const [name, value] of params) search.append(name, value);
      const query = search.toString();
      return getJson(`${base}${path}${query ? `?${query}` : ""}`, { authorization: `Bearer ${key}`, "stripe-version": STRIPE_API_VERSION }, policy);
    },
    warn: (message) => logger.warn(message),
  };
}
