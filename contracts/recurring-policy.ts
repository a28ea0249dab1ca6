import { z } from "zod";

// How long the payments of a subscription or instalment plan earn commission: the program's
// setting, overridable per affiliate, snapshotted on each subscription when it is first credited.

const limit = z.number().int().min(1).max(600);

export const recurringPolicySchema = z.discriminatedUnion("kind", [
  /** Every payment earns, for as long as the subscription runs (the default). */
  z.strictObject({ kind: z.literal("every") }),
  /** Only the payment that starts it. */
  z.strictObject({ kind: z.literal("first") }),
  /** The first `limit` payments, the first one included. */
  z.strictObject({ kind: z.literal("payments"), limit }),
  /** Payments made within `limit` months of the first one. */
  z.strictObject({ kind: z.literal("months"), limit }),
]);

export type RecurringPolicy = z.infer<typeof recurringPolicySchema>;
export type RecurringPolicyKind = RecurringPolicy["kind"];

export const EVERY_PAYMENT: RecurringPolicy = { kind: "every" };

/** The policy in words, for the console, the receipts and the terms affiliates read. */
export function describePolicy(policy: RecurringPolicy): string {
  switch (policy.kind) {
    case "every":
      return "every payment";
    case "first":
      return "the first payment only";
    case "payments":
      return policy.limit === 1 ? "the first payment only" : `the first ${policy.limit} payments`;
    case "months":
      return `payments in the first ${policy.limit === 1 ? "month" : `${policy.limit} months`}`;
  }
}

/** A stored policy, or null when there is none or it does not read as one. */
export function readRecurringPolicy(value: unknown): RecurringPolicy | null {
  const parsed = recurringPolicySchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
