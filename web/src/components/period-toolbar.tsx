/** The period buttons above a chart and, where there is more than one currency, the currency picker. */
export function PeriodToolbar<R extends number>(props: {
  ranges: readonly R[];
  range: R;
  onRange: (range: R) => void;
  /** Test id of a period button, by its number of days. */
  rangeTestId: (range: R) => string;
  currencies: readonly string[];
  currency: string | null;
  onCurrency: (currency: string) => void;
  currencyTestId?: string;
}) {
  return (
    <div className="toolbar">
      <div className="segmented" role="group" aria-label="Period">
        {props.ranges.map((r) => (
          <button key={r} type="button" className="button button--small" aria-pressed={props.range === r} onClick={() => props.onRange(r)} data-testid={props.rangeTestId(r)}>
            {r} days
          </button>
        ))}
      </div>
      {props.currencies.length > 1 ? (
        <label className="inline-select">
          Currency{" "}
          <select value={props.currency ?? ""} onChange={(e) => props.onCurrency(e.target.value)} data-testid={props.currencyTestId}>
            {props.currencies.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ) : null}
    </div>
  );
}
