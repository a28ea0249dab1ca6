import { isEmail } from "../../lib/validate";
import type { OwnerProgramSettings } from "../../types/models";

/** The settings form holds text; numbers are checked as whole numbers before they are sent. */
export interface SettingsForm {
  name: string;
  defaultRateBps: string;
  refundWindowDays: string;
  cookieDays: string;
  payoutThresholdMinor: string;
  discountCode: string;
  notifyEmails: string;
}

export function settingsForm(s: OwnerProgramSettings | null): SettingsForm {
  return {
    name: s?.name || "Affiliate program",
    defaultRateBps: String(s?.defaultRateBps ?? 5000),
    refundWindowDays: String(s?.refundWindowDays ?? 30),
    cookieDays: String(s?.cookieDays ?? 30),
    payoutThresholdMinor: String(s?.payoutThresholdMinor ?? 5000),
    discountCode: s?.discountCode ?? "",
    notifyEmails: (s?.notifyEmails ?? []).join(", "),
  };
}

type Errors = Partial<Record<keyof SettingsForm, string>>;

function whole(text: string, min: number, max: number): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t)) return null;
  const n = Number(t);
  return n >= min && n <= max ? n : null;
}

/** Mirrors functions/src/settings/program.ts so the owner sees a mistake before the round trip. */
export function parseSettingsForm(form: SettingsForm): { ok: true; value: OwnerProgramSettings } | { ok: false; errors: Errors } {
  const errors: Errors = {};
  const name = form.name.trim();
  if (name === "" || name.length > 120) errors.name = "Enter a name of up to 120 characters.";
  const defaultRateBps = whole(form.defaultRateBps, 0, 10_000);
  if (defaultRateBps === null) errors.defaultRateBps = "A whole number from 0 to 10000.";
  const refundWindowDays = whole(form.refundWindowDays, 0, 365);
  if (refundWindowDays === null) errors.refundWindowDays = "A whole number of days from 0 to 365.";
  const cookieDays = whole(form.cookieDays, 1, 400);
  if (cookieDays === null) errors.cookieDays = "A whole number of days from 1 to 400.";
  const payoutThresholdMinor = whole(form.payoutThresholdMinor, 0, 100_000_000);
  if (payoutThresholdMinor === null) errors.payoutThresholdMinor = "A whole number of minor units (cents).";
  const discountCode = form.discountCode.trim();
  if (discountCode.length > 40) errors.discountCode = "Up to 40 characters.";
  const notifyEmails = form.notifyEmails
    .split(",")
    .map((e) => e.trim())
    .filter((e) => e !== "");
  if (notifyEmails.length > 10 || notifyEmails.some((e) => !isEmail(e))) errors.notifyEmails = "Up to 10 email addresses, separated by commas.";
  if (Object.keys(errors).length > 0 || defaultRateBps === null || refundWindowDays === null || cookieDays === null || payoutThresholdMinor === null) return { ok: false, errors };
  return { ok: true, value: { name, defaultRateBps, refundWindowDays, cookieDays, payoutThresholdMinor, discountCode, notifyEmails } };
}
