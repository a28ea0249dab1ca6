import { saveProgramSettingsInput } from "../../../../contracts/callables/save-program-settings";
import { programSettings, programSettingsSchema, type ProgramSettings } from "../../../../contracts/program-settings";
import { parsePolicyFields, policyFields, type PolicyFields } from "./recurring-policy-form";

/** The settings form holds text; it becomes settings through the `saveProgramSettings` schema. */
export type SettingsForm = Record<Exclude<keyof ProgramSettings, "recurringPolicy">, string> & { recurringPolicy: PolicyFields };

type Errors = Partial<Record<keyof SettingsForm, string>>;

/** The stored settings as text, or the program's defaults when there are none yet. */
export function settingsForm(stored: ProgramSettings | null): SettingsForm {
  const s = stored ?? programSettings({});
  return {
    name: s.name,
    defaultRateBps: String(s.defaultRateBps),
    refundWindowDays: String(s.refundWindowDays),
    cookieDays: String(s.cookieDays),
    payoutThresholdMinor: String(s.payoutThresholdMinor),
    discountCode: s.discountCode,
    notifyEmails: s.notifyEmails.join(", "),
    recurringPolicy: policyFields(s.recurringPolicy),
  };
}

/** Digits only: "1.5", "-1" and "" become NaN, which the schema refuses as not a number. */
const whole = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

const { shape } = programSettingsSchema;
const range = (field: "defaultRateBps" | "refundWindowDays" | "cookieDays") => `${shape[field].unwrap().minValue ?? 0} to ${shape[field].unwrap().maxValue ?? ""}`;

// Words for the owner; the limits themselves are the schema's.
const MESSAGES: Record<keyof SettingsForm, (issue: { code: string; maximum?: unknown }) => string> = {
  name: () => `Enter a name of up to ${shape.name.unwrap().maxLength ?? ""} characters.`,
  defaultRateBps: () => `A whole number from ${range("defaultRateBps")} (basis points: 5000 = 50%).`,
  refundWindowDays: () => `A whole number of days from ${range("refundWindowDays")}.`,
  cookieDays: () => `A whole number of days from ${range("cookieDays")}.`,
  payoutThresholdMinor: () => "A whole number of minor units (cents).",
  discountCode: () => `Up to ${shape.discountCode.unwrap().maxLength ?? ""} characters.`,
  notifyEmails: (issue) => (issue.code === "too_big" ? `At most ${String(issue.maximum)} addresses.` : "Email addresses separated by commas, like a@example.com, b@example.com."),
  recurringPolicy: () => "Choose how long subscription payments earn.",
};

const isField = (key: PropertyKey | undefined): key is keyof SettingsForm => typeof key === "string" && Object.hasOwn(MESSAGES, key);

/** Checks the form with the callable's own schema, so the owner sees a mistake before the round trip. */
export function parseSettingsForm(form: SettingsForm): { ok: true; value: ProgramSettings } | { ok: false; errors: Errors } {
  // The program always has a policy: "" (the affiliates' "program's policy") is not offered here.
  const policy = parsePolicyFields(form.recurringPolicy);
  const checked = saveProgramSettingsInput.safeParse({
    name: form.name,
    defaultRateBps: whole(form.defaultRateBps),
    refundWindowDays: whole(form.refundWindowDays),
    cookieDays: whole(form.cookieDays),
    payoutThresholdMinor: whole(form.payoutThresholdMinor),
    discountCode: form.discountCode,
    notifyEmails: form.notifyEmails
      .split(",")
      .map((e) => e.trim())
      .filter((e) => e !== ""),
    recurringPolicy: policy.ok ? policy.value : undefined,
  });
  if (checked.success && policy.ok) return { ok: true, value: checked.data };
  const errors: Errors = policy.ok ? {} : { recurringPolicy: policy.error };
  if (checked.success) return { ok: false, errors };
  for (const issue of checked.error.issues) {
    const field = issue.path[0];
    if (isField(field)) errors[field] ??= MESSAGES[field](issue);
  }
  return { ok: false, errors };
}
