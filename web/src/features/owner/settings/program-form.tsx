import { useState } from "react";
import { Field } from "../../../components/field";
import type { ProgramSettings } from "../../../types/models";
import { ActionForm } from "../action-form";
import { RecurringPolicyFields } from "../recurring-policy-fields";
import { parseSettingsForm, settingsForm, type SettingsForm } from "../settings-form";
import { useAction } from "../use-action";

export function ProgramForm({ initial }: { initial: ProgramSettings | null }) {
  const [form, setForm] = useState<SettingsForm>(() => settingsForm(initial));
  const [errors, setErrors] = useState<Partial<Record<keyof SettingsForm, string>>>({});
  const action = useAction();
  const field = (key: Exclude<keyof SettingsForm, "recurringPolicy">) => ({ name: key, value: form[key], error: errors[key], onValue: (value: string) => setForm((f) => ({ ...f, [key]: value })) });
  return (
    <ActionForm
      testId="settings-form"
      action={action}
      submit={{ label: "Save settings", testId: "settings-save" }}
      messageTestId="settings-message"
      onSubmit={async () => {
        const parsed = parseSettingsForm(form);
        setErrors(parsed.ok ? {} : parsed.errors);
        if (parsed.ok) await action.run("saveProgramSettings", parsed.value, "Settings saved. Past commissions keep their rate and dates.");
      }}
    >
      <Field label="Program name" {...field("name")} testId="settings-name" />
      <Field label="Default commission (%)" {...field("defaultRateBps")} hint="Like 50 or 12.5. Applies to sales from now on." testId="settings-rate" />
      <Field label="Refund window (days)" {...field("refundWindowDays")} testId="settings-refund-days" />
      <Field label="Cookie window (days)" {...field("cookieDays")} testId="settings-cookie-days" />
      <Field label="Program currency" {...field("currency")} hint="ISO code, like USD or EUR: the currency the threshold is written in." maxLength={3} testId="settings-currency" />
      <Field
        label={`Payout threshold (${form.currency.trim().toUpperCase() || "program currency"})`}
        {...field("payoutThresholdMinor")}
        hint="Like 50 or 50.00. Each balance is compared in its own currency's smallest unit, so 50.00 is also ¥5,000 for a yen balance."
        testId="settings-threshold"
      />
      <Field label="Program discount code" {...field("discountCode")} />
      <Field label="Also notify (comma-separated emails)" {...field("notifyEmails")} />
      <RecurringPolicyFields
        value={form.recurringPolicy}
        onValue={(recurringPolicy) => setForm((f) => ({ ...f, recurringPolicy }))}
        error={errors.recurringPolicy}
        testId="settings-recurring"
      />
    </ActionForm>
  );
}
