import { VendorApiError } from "../../reconcile/http.js";

/** Read access to Stripe's API; the glue (http/stripe-api.ts) builds it from STRIPE_API_KEY. */
export interface StripeApi {
  /** GET `path` (`/v1/…`) with form-encoded query parameters; throws VendorApiError. */
  get(path: string, params?: ReadonlyArray<readonly [string, string]>): Promise<unknown>;
  /** Where a lookup that found nothing is logged. */
  warn(message: string): void;
}

/** The version whose shapes api-schemas.ts reads (InvoicePayment exists from it on). */
export const STRIPE_API_VERSION = "2025-03-31.basil";

/**
 * An answer that no retry will change: the object does not exist (404, `resource_missing`) or the
 * request is one Stripe refuses (400). A wrong key (401), a missing permission (403), a 429 or 5xx
 * after the retries, or no answer are not: the owner or time fixes them, so the event stays failed
 * and is replayed.
 */
export function isPermanentMiss(err: unknown): boolean {
  return err instanceof VendorApiError && (err.status === 404 || err.status === 400);
}
