import { z } from "zod";
import { currencyCode } from "../parse-helpers.js";

// Every Classic field is a string; money is a decimal string in major units ("568.82").
const text = z.string().min(1);
const optional = z.string().optional();

export const alertSchema = z.object({
  alert_id: text,
  alert_name: text,
  event_time: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, "expected YYYY-MM-DD HH:MM:SS"),
});

export const saleSchema = z.object({
  order_id: text,
  currency: currencyCode,
  sale_gross: text,
  payment_tax: text,
  balance_currency: currencyCode,
  balance_earnings: text,
  balance_fee: text,
  email: optional,
  customer_name: optional,
  user_id: optional,
  product_id: optional,
  product_name: optional,
  subscription_plan_id: optional,
  plan_name: optional,
  subscription_id: optional,
  initial_payment: optional,
  passthrough: optional,
  custom_data: optional,
  /** The coupon code the buyer entered, as typed when the coupon was created. */
  coupon: optional,
});

export const refundSchema = z
  .object({
    order_id: text,
    currency: currencyCode,
    gross_refund: optional,
    amount: optional,
    balance_currency: currencyCode,
    balance_earnings_decrease: optional,
    refund_type: optional,
  })
  .refine((fields) => Boolean(fields.gross_refund ?? fields.amount), { message: "gross_refund or amount is required" });

export const disputeSchema = z.object({ order_id: text, status: optional });
