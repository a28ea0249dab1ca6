import { z } from "zod";
import { currencyCode } from "../parse-helpers.js";

// Only the fields we read, in the shapes of Stripe's API reference (the webhook's API version may
// add or drop others). Amounts are integers in Stripe's smallest unit (see amounts.ts); currencies
// are lower-case ISO codes.

const amount = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const unix = z.number().int().nonnegative();
const stripeCurrency = z.string().transform((code) => code.toUpperCase()).pipe(currencyCode);
/** An id, or the object when the sender expanded it. */
const idOf = z.union([z.string().min(1), z.object({ id: z.string().min(1) }).loose().transform((o) => o.id)]);
const metadata = z.record(z.string(), z.unknown()).nullish();

export const envelopeSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  created: unix,
  livemode: z.boolean(),
  data: z.object({ object: z.unknown() }),
});

/** `discounts[]` of a session: the coupon and, when the customer typed one, the promotion code. */
const sessionDiscount = z.object({
  coupon: idOf.nullish(),
  promotion_code: z.union([z.string().min(1), z.object({ id: z.string().min(1), code: z.string().nullish() }).loose()]).nullish(),
});

export const checkoutSessionSchema = z.object({
  id: z.string().min(1),
  mode: z.string().min(1),
  payment_status: z.string().min(1),
  created: unix,
  currency: stripeCurrency.nullish(),
  amount_total: amount.nullish(),
  total_details: z.object({ amount_tax: amount.nullish(), amount_shipping: amount.nullish(), amount_discount: amount.nullish() }).nullish(),
  client_reference_id: z.string().nullish(),
  metadata,
  customer: idOf.nullish(),
  customer_details: z.object({ email: z.string().nullish(), name: z.string().nullish() }).nullish(),
  payment_intent: idOf.nullish(),
  payment_link: idOf.nullish(),
  invoice: idOf.nullish(),
  subscription: idOf.nullish(),
  discounts: z.array(sessionDiscount).nullish(),
});
export type StripeCheckoutSession = z.infer<typeof checkoutSessionSchema>;

const subscriptionDetails = z.object({ subscription: idOf.nullish(), metadata }).nullish();

/**
 * Both shapes of the invoice: before API version 2025-03-31 the subscription sits at the top
 * (`subscription`, `subscription_details`, `tax`); from then on under `parent.subscription_details`,
 * with taxes in `total_taxes`.
 */
export const invoiceSchema = z.object({
  id: z.string().min(1),
  billing_reason: z.string().nullish(),
  currency: stripeCurrency,
  amount_paid: amount,
  created: unix,
  status_transitions: z.object({ paid_at: unix.nullish() }).nullish(),
  subscription: idOf.nullish(),
  subscription_details: subscriptionDetails,
  parent: z.object({ subscription_details: subscriptionDetails }).nullish(),
  tax: amount.nullish(),
  total_taxes: z.array(z.object({ amount })).nullish(),
  metadata,
  customer: idOf.nullish(),
  customer_email: z.string().nullish(),
  customer_name: z.string().nullish(),
  lines: z
    .object({
      data: z.array(
        z.object({
          description: z.string().nullish(),
          price: z.object({ product: idOf.nullish() }).nullish(),
          pricing: z.object({ price_details: z.object({ product: idOf.nullish() }).nullish() }).nullish(),
        }),
      ),
    })
    .nullish(),
});
export type StripeInvoice = z.infer<typeof invoiceSchema>;

export const chargeSchema = z.object({
  id: z.string().min(1),
  amount,
  amount_refunded: amount,
  refunded: z.boolean(),
  currency: stripeCurrency,
  payment_intent: idOf.nullish(),
  /** Present on charges of invoices before API version 2025-03-31. */
  invoice: idOf.nullish(),
});
export type StripeCharge = z.infer<typeof chargeSchema>;

export const disputeSchema = z.object({
  id: z.string().min(1),
  charge: idOf,
  payment_intent: idOf.nullish(),
  status: z.string().min(1),
  created: unix,
});
export type StripeDispute = z.infer<typeof disputeSchema>;
