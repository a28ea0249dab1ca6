interface Option {
  value: string;
  label: string;
}

interface Props {
  label: string;
  value: string;
  onValue: (value: string) => void;
  /** Listed after the "All" choice, whose value is "". */
  options: readonly (string | Option)[];
  testId: string;
}

/** A labelled drop-down that narrows a list; "All" (the empty value) comes first. */
export function SelectFilter({ label, value, onValue, options, testId }: Props) {
  return (
    <label>
      {label}{" "}
      <select value={value} onChange={(e) => onValue(e.target.value)} data-testid={testId}>
        <option value="">All</option>
        {options.map((option) => {
          const { value: v, label: text } = typeof option === "string" ? { value: option, label: option } : option;
          return (
            <option key={v} value={v}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}
