import { z } from "zod";
import { currencyCode } from "../parse-helpers.js";

// The API objects the lookups read (Stripe's API reference, version 2025-03-31), only the fields used.

const amount = z.number().int().max(Number.MAX_SAFE_INTEGER).min(-Number.MAX_SAFE_INTEGER);
const stripeCurrency = z.string().transform((code) => code.toUpperCase()).pipe(currencyCode);
const idOf = z.union([z.string().min(1), z.object({ id: z.string().min(1) }).loose().transform((o) => o.id)]);

/** A Balance Transaction: the charge as it reached the seller's balance, in the settlement currency. */
export const balanceTransactionSchema = z.object({
  id: z.string().min(1),
  /** Gross, in the settlement currency (the charge converted at `exchange_rate` when they differ). */
  amount,
  fee: amount,
  net: amount,
  currency: stripeCurrency,
});
export type StripeBalanceTransaction = z.infer<typeof balanceTransactionSchema>;

/** `GET /v1/payment_intents/{id}?expand[]=latest_charge.balance_transaction`. */
export const paymentIntentSchema = z.object({
  id: z.string().min(1),
  currency: stripeCurrency,
  latest_charge: z
    .object({ id: z.string().min(1), balance_transaction: z.union([z.string(), balanceTransactionSchema]).nullish() })
    .nullish(),
});

const invoiceOfPayment = z.union([
  z.string().min(1).transform((id) => ({ id, subscription: null })),
  z
    .object({
      id: z.string().min(1),
      subscription: idOf.nullish(),
      parent: z.object({ subscription_details: z.object({ subscription: idOf.nullish() }).nullish() }).nullish(),
    })
    .loose()
    .transform((i) => ({ id: i.id, subscription: i.parent?.subscription_details?.subscription ?? i.subscription ?? null })),
]);

/** `GET /v1/invoice_payments`: which invoice a PaymentIntent paid, and the reverse. */
export const invoicePaymentListSchema = z.object({
  data: z.array(
    z.object({
      invoice: invoiceOfPayment,
      status: z.string(),
      payment: z.object({ type: z.string(), payment_intent: idOf.nullish() }),
    }),
  ),
});

/** `GET /v1/promotion_codes/{id}`. */
export const promotionCodeSchema = z.object({ id: z.string().min(1), code: z.string().min(1) });
