import { useId } from "react";
import { Field } from "../../components/field";
import { limitLabel, POLICY_CHOICES, type PolicyFields } from "./recurring-policy-form";

/** A choice of recurring-payments policy and its limit; `inheritLabel` offers "the program's policy". */
export function RecurringPolicyFields({
  value,
  onValue,
  error,
  inheritLabel,
  testId,
}: {
  value: PolicyFields;
  onValue: (value: PolicyFields) => void;
  error: string | undefined;
  inheritLabel?: string;
  testId: string;
}) {
  const id = useId();
  const label = limitLabel(value.kind);
  return (
    <div className="field">
      <label htmlFor={id}>Subscription and instalment payments earn</label>
      <select id={id} data-testid={`${testId}-kind`} value={value.kind} onChange={(e) => onValue({ ...value, kind: POLICY_CHOICES.find((c) => c.value === e.target.value)?.value ?? "" })}>
        {inheritLabel ? <option value="">{inheritLabel}</option> : null}
        {POLICY_CHOICES.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
      {label ? <Field label={label} name={`${testId}-limit`} value={value.limit} onValue={(limit) => onValue({ ...value, limit })} error={error} testId={`${testId}-limit`} hint="The first payment counts as payment 1 and month 1." /> : null}
      {!label && error ? <p className="field__error">{error}</p> : null}
    </div>
  );
}
