import { saveProgramSettingsInput } from "../../../../contracts/callables/save-program-settings";
import { isCurrency } from "../../../../contracts/currency";
import { programSettings, programSettingsSchema, type ProgramSettings } from "../../../../contracts/program-settings";
import { bpsToPercentText, minorToMoneyText, moneyTextToMinor, percentTextToBps } from "../../lib/units";
import { parsePolicyFields, policyFields, type PolicyFields } from "./recurring-policy-form";

/**
 * The settings form holds text in people's units: the rate in percent, the threshold in the
 * program's currency, windows in days. It becomes stored settings (basis points, minor units)
 * through lib/units and the `saveProgramSettings` schema.
 */
export type SettingsForm = Record<Exclude<keyof ProgramSettings, "recurringPolicy">, string> & { recurringPolicy: PolicyFields };

type Errors = Partial<Record<keyof SettingsForm, string>>;

/** The stored settings as text, or the program's defaults when there are none yet. */
export function settingsForm(stored: ProgramSettings | null): SettingsForm {
  const s = stored ?? programSettings({});
  return {
    name: s.name,
    defaultRateBps: bpsToPercentText(s.defaultRateBps),
    refundWindowDays: String(s.refundWindowDays),
    cookieDays: String(s.cookieDays),
    currency: s.currency,
    payoutThresholdMinor: minorToMoneyText(s.payoutThresholdMinor, s.currency),
    discountCode: s.discountCode,
    notifyEmails: s.notifyEmails.join(", "),
    recurringPolicy: policyFields(s.recurringPolicy),
  };
}

/** Digits only: "1.5", "-1" and "" become NaN, which the schema refuses as not a number. */
const whole = (text: string): number => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);

/** Unparseable text becomes NaN, which the schema refuses with the field's own message. */
const orNaN = (value: number | null): number => value ?? Number.NaN;

const currencyOf = (text: string): string => text.trim().toUpperCase();

const { shape } = programSettingsSchema;
const range = (field: "defaultRateBps" | "refundWindowDays" | "cookieDays") => `${shape[field].unwrap().minValue ?? 0} to ${shape[field].unwrap().maxValue ?? ""}`;
const percentRange = () => `${bpsToPercentText(shape.defaultRateBps.unwrap().minValue ?? 0)} to ${bpsToPercentText(shape.defaultRateBps.unwrap().maxValue ?? 0)}`;

// Words for the owner; the limits themselves are the schema's.
const MESSAGES: Record<keyof SettingsForm, (issue: { code: string; maximum?: unknown }) => string> = {
  name: () => `Enter a name of up to ${shape.name.unwrap().maxLength ?? ""} characters.`,
  defaultRateBps: () => `A percentage from ${percentRange()}, with at most two decimals (like 50 or 12.5).`,
  refundWindowDays: () => `A whole number of days from ${range("refundWindowDays")}.`,
  cookieDays: () => `A whole number of days from ${range("cookieDays")}.`,
  currency: () => "A three-letter ISO currency code, like USD or EUR.",
  payoutThresholdMinor: () => "An amount in the program's currency, like 50 or 50.00 (no more decimals than the currency has).",
  discountCode: () => `Up to ${shape.discountCode.unwrap().maxLength ?? ""} characters.`,
  notifyEmails: (issue) => (issue.code === "too_big" ? `At most ${String(issue.maximum)} addresses.` : "Email addresses separated by commas, like a@example.com, b@example.com."),
  recurringPolicy: () => "Choose how long subscription payments earn.",
};

const isField = (key: PropertyKey | undefined): key is keyof SettingsForm => typeof key === "string" && Object.hasOwn(MESSAGES, key);

/** Checks the form with the callable's own schema, so the owner sees a mistake before the round trip. */
export function parseSettingsForm(form: SettingsForm): { ok: true; value: ProgramSettings } | { ok: false; errors: Errors } {
  const currency = currencyOf(form.currency);
  // The program always has a policy: "" (the affiliates' "program's policy") is not offered here.
  const policy = parsePolicyFields(form.recurringPolicy);
  const checked = saveProgramSettingsInput.safeParse({
    name: form.name,
    defaultRateBps: orNaN(percentTextToBps(form.defaultRateBps)),
    refundWindowDays: whole(form.refundWindowDays),
    cookieDays: whole(form.cookieDays),
    currency,
    // Without a known currency the amount has no digits to read it in; the currency's error says why.
    payoutThresholdMinor: isCurrency(currency) ? orNaN(moneyTextToMinor(form.payoutThresholdMinor, currency)) : 0,
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
