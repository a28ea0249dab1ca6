import { z } from "zod";
import { asOfField } from "./fields.js";

export const payableNowInput = z
  .strictObject({ asOf: asOfField })
  .nullish()
  .transform((value) => value ?? {});

/** What one affiliate could be paid today in one currency. */
export const payableRowSchema = z.object({
  affiliateId: z.string(),
  currency: z.string(),
  /** Past the refund window, less what was taken back after an earlier payout. */
  payableMinor: z.int(),
  pendingMinor: z.int(),
  flaggedMinor: z.int(),
  name: z.string(),
  /** Where to send the money: the affiliate's payout email, else their sign-in email. */
  payoutEmail: z.string(),
  status: z.string().nullable(),
});

export type PayableRow = z.infer<typeof payableRowSchema>;

/** Rows at or above the program's payout threshold, as of `today` (UTC `YYYY-MM-DD`). */
export const payableNowOutput = z.object({
  today: z.string(),
  thresholdMinor: z.int(),
  rows: z.array(payableRowSchema),
});
