import { z } from "zod";
import { currencyCode } from "../parse-helpers.js";

// Lemon Squeezy money is integer cents (minor units) as JSON numbers.
const cents = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const id = z.union([z.string().min(1), z.number().int()]).transform(String);

export const envelopeSchema = z.object({
  meta: z.object({
    event_name: z.string().min(1),
    custom_data: z.unknown().optional(),
    test_mode: z.boolean().optional(),
  }),
  data: z.object({
    id,
    // Only what the event key needs (every Lemon Squeezy resource has `updated_at`); the order
    // events parse the rest with orderSchema.
    attributes: z.object({ updated_at: z.string().min(1), refunded_amount: z.number().optional() }).loose(),
  }),
});

export const orderSchema = z.object({
  currency: currencyCode,
  status: z.string().min(1),
  total: cents,
  tax: cents,
  discount_total: cents.default(0),
  subtotal_usd: cents,
  discount_total_usd: cents,
  refunded_amount: cents,
  user_email: z.string().nullish(),
  user_name: z.string().nullish(),
  customer_id: id.nullish(),
  first_order_item: z.object({ product_id: id.nullish(), product_name: z.string().nullish() }).nullish(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  refunded_at: z.string().nullish(),
  test_mode: z.boolean().optional(),
});
export type LemonSqueezyOrder = z.infer<typeof orderSchema>;

/** The subscription invoice of `subscription_payment_*` events: one payment of a subscription. */
export const invoiceSchema = z.object({
  subscription_id: id,
  billing_reason: z.string().min(1),
  status: z.string().min(1),
  currency: currencyCode,
  total: cents,
  tax: cents,
  subtotal_usd: cents,
  discount_total_usd: cents,
  refunded_amount: cents.default(0),
  user_email: z.string().nullish(),
  user_name: z.string().nullish(),
  customer_id: id.nullish(),
  created_at: z.string().min(1),
  updated_at: z.string().min(1),
  refunded_at: z.string().nullish(),
  test_mode: z.boolean().optional(),
});
export type LemonSqueezyInvoice = z.infer<typeof invoiceSchema>;

/** The subscription object of `subscription_created`. */
export const subscriptionSchema = z.object({
  order_id: id,
  product_id: id.nullish(),
  product_name: z.string().nullish(),
  created_at: z.string().min(1),
  test_mode: z.boolean().optional(),
});
