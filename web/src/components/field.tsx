import { useId } from "react";
import "./field.css";

interface Props {
  label: string;
  name: string;
  value: string;
  onValue: (value: string) => void;
  type?: "text" | "email" | "url";
  autoComplete?: string;
  required?: boolean;
  maxLength?: number;
  disabled?: boolean;
  multiline?: boolean;
  error?: string | undefined;
  hint?: string;
  testId?: string;
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function Field({ label, name, value, onValue, type = "text", autoComplete, required, maxLength, disabled, multiline, error, hint, testId }: Props) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name,
    value,
    required,
    maxLength,
    disabled,
    autoComplete,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    "data-testid": testId,
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {multiline ? <textarea {...common} rows={5} onChange={(e) => onValue(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onValue(e.target.value)} />}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
