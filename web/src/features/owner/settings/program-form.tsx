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
      <Field label="Default commission (basis points)" {...field("defaultRateBps")} hint="5000 = 50%. Applies to sales from now on." testId="settings-rate" />
      <Field label="Refund window (days)" {...field("refundWindowDays")} />
      <Field label="Cookie window (days)" {...field("cookieDays")} />
      <Field label="Payout threshold (minor units)" {...field("payoutThresholdMinor")} hint="5000 = 50.00 in a two-decimal currency." testId="settings-threshold" />
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
