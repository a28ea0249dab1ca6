import { z } from "zod";
import { EVERY_PAYMENT, recurringPolicySchema } from "./recurring-policy.js";
import { isCurrency } from "./currency.js";
import { DEFAULT_PAYOUT_THRESHOLD_MINOR } from "./payout-threshold.js";

// The program's settings with their defaults, read by the functions (rates, windows, threshold) and
// edited by the owner in the portal: a missing or partial `settings/program` document
// still gives a working program (50% commission, 30-day refund window and cookie).
export const programSettingsSchema = z.object({
  name: z.string().trim().min(1).max(120).default("Affiliate program"),
  defaultRateBps: z.number().int().min(0).max(10_000).default(5_000),
  refundWindowDays: z.number().int().min(0).max(365).default(30),
  cookieDays: z.number().int().min(1).max(400).default(30),
  /** The currency the console shows and edits program amounts in (the payout threshold's digits). */
  currency: z.string().refine(isCurrency, "an ISO 4217 code from the currency table").default("USD"),
  payoutThresholdMinor: z.number().int().min(0).max(100_000_000).default(DEFAULT_PAYOUT_THRESHOLD_MINOR),
  discountCode: z.string().trim().max(40).default(""),
  notifyEmails: z.array(z.email()).max(10).default([]),
  /** How long subscription and instalment payments earn; an affiliate's own policy overrides it. */
  recurringPolicy: recurringPolicySchema.default(EVERY_PAYMENT),
});

export type ProgramSettings = z.infer<typeof programSettingsSchema>;

/** Reads stored settings leniently: a field that fails validation falls back to its default. */
export function programSettings(stored: unknown): ProgramSettings {
  const parsed = programSettingsSchema.safeParse(stored ?? {});
  if (parsed.success) return parsed.data;
  const record: Record<string, unknown> = typeof stored === "object" && stored !== null ? { ...stored } : {};
  const kept = Object.fromEntries(
    Object.entries(programSettingsSchema.shape).map(([key, field]) => {
      const one = field.safeParse(record[key]);
      return [key, one.success ? one.data : field.parse(undefined)];
    }),
  );
  return programSettingsSchema.parse(kept);
}
