import { z } from "zod";
import { currencyCode } from "../parse-helpers.js";

// Only the fields we read. Paddle sends money as integer strings in the lowest denomination.
const money = z.string();

export const envelopeSchema = z.object({
  event_id: z.string().min(1),
  event_type: z.string().min(1),
  occurred_at: z.string().min(1),
  data: z.unknown().optional(),
});

export const transactionSchema = z.object({
  id: z.string().min(1),
  customer_id: z.string().nullish(),
  /** Set on every transaction of a subscription; `origin` says whether it started it (`web`, `api`). */
  subscription_id: z.string().min(1).nullish(),
  origin: z.string().nullish(),
  currency_code: currencyCode,
  custom_data: z.unknown().optional(),
  discount_id: z.string().nullish(),
  items: z.array(z.object({ price: z.object({ product_id: z.string().nullish() }).nullish() })).default([]),
  details: z.object({
    totals: z.object({ total: money, grand_total: money.nullish(), tax: money, fee: money.nullish(), earnings: money.nullish() }),
    payout_totals: z.object({ fee: money, earnings: money, currency_code: currencyCode }).nullish(),
    line_items: z
      .array(z.object({ product: z.object({ id: z.string().nullish(), name: z.string().nullish() }).nullish() }))
      .default([]),
  }),
});
export type PaddleTransaction = z.infer<typeof transactionSchema>;

export const adjustmentSchema = z.object({
  id: z.string().min(1),
  transaction_id: z.string().min(1),
  action: z.string().min(1),
  type: z.string().nullish(),
  status: z.string().min(1),
  currency_code: currencyCode,
  totals: z.object({ total: money }),
  payout_totals: z.object({ earnings: money, currency_code: currencyCode }).nullish(),
});
export type PaddleAdjustment = z.infer<typeof adjustmentSchema>;

export const customerSchema = z.object({
  id: z.string().min(1),
  email: z.string().nullish(),
  name: z.string().nullish(),
});
