import { z } from "zod";
import { affiliateIdField, asOfField } from "./fields.js";

export const recordPayoutInput = z.strictObject({
  affiliateId: affiliateIdField,
  currency: z.string().regex(/^[A-Z]{3}$/),
  method: z.string().trim().min(1).max(60),
  reference: z.string().trim().max(200).default(""),
  /** Chosen by the client once per intended payout (a UUID); repeating it records nothing new. */
  idempotencyKey: z.string().min(8).max(100).regex(/^[A-Za-z0-9_-]+$/),
  asOf: asOfField,
});

export const recordPayoutOutput = z.object({
  payoutId: z.string(),
  /** False when this idempotency key had already recorded the payout: nothing new was written. */
  created: z.boolean(),
  amountMinor: z.int(),
  orderCount: z.int(),
});
