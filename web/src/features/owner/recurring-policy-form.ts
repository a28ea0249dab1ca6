import { recurringPolicySchema, type RecurringPolicy, type RecurringPolicyKind } from "../../../../contracts/recurring-policy";

// The recurring-payments policy as the console edits it: a choice and a number of payments or
// months, in words the owner reads; `""` as the choice means "the program's policy" (affiliates).

export interface PolicyFields {
  kind: RecurringPolicyKind | "";
  limit: string;
}

export const POLICY_CHOICES: ReadonlyArray<{ value: RecurringPolicyKind; label: string }> = [
  { value: "every", label: "Every payment, as long as the subscription runs" },
  { value: "payments", label: "The first payments, up to a number of payments" },
  { value: "months", label: "Payments in the first months" },
  { value: "first", label: "The first payment only" },
];

export function policyFields(policy: RecurringPolicy | null): PolicyFields {
  if (policy === null) return { kind: "", limit: "" };
  return { kind: policy.kind, limit: policy.kind === "payments" || policy.kind === "months" ? String(policy.limit) : "" };
}

export const limitLabel = (kind: PolicyFields["kind"]): string | null => (kind === "payments" ? "Number of payments" : kind === "months" ? "Number of months" : null);

/** The policy the fields describe (null: the program's), or what to tell the owner. */
export function parsePolicyFields(fields: PolicyFields): { ok: true; value: RecurringPolicy | null } | { ok: false; error: string } {
  if (fields.kind === "") return { ok: true, value: null };
  const limit = /^\d+$/.test(fields.limit.trim()) ? Number(fields.limit.trim()) : Number.NaN;
  const candidate = fields.kind === "payments" || fields.kind === "months" ? { kind: fields.kind, limit } : { kind: fields.kind };
  const parsed = recurringPolicySchema.safeParse(candidate);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: `A whole number of ${fields.kind === "months" ? "months" : "payments"} from 1 to 600.` };
}
