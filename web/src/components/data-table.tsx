import "./data-table.css";

/** A column heading; numeric columns are right-aligned with tabular figures. */
export type Column = string | { label: string; numeric: true };

/** The heading text of a column, for a stacked row's `data-label`. */
export const columnLabel = (column: Column): string => (typeof column === "string" ? column : column.label);

interface Props {
  /** Names the scrollable region for screen readers ("Orders table"). */
  label: string;
  columns: readonly Column[];
  /** Read to screen readers only, above the rows. */
  caption?: string;
  compact?: boolean;
  /**
   * On narrow screens each row becomes a card of "label: value" lines instead of a table wider
   * than the phone; each cell names its column in `data-label`.
   */
  stacked?: boolean;
  /** Announce rows that change while the table is on screen. */
  live?: boolean;
  /** The rows: `<tr>` elements whose first cell is a `<th scope="row">`. */
  children: React.ReactNode;
}

/** A table that scrolls sideways on its own (keyboard-focusable) instead of widening the page. */
export function DataTable({ label, columns, caption, compact, stacked, live, children }: Props) {
  const className = ["table", compact ? "table--compact" : "", stacked ? "table--stacked" : ""].filter(Boolean).join(" ");
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className={className}>
        {caption ? <caption className="visually-hidden">{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((column) =>
              typeof column === "string" ? (
                <th key={column} scope="col">
                  {column}
                </th>
              ) : (
                <th key={column.label} scope="col" className="num">
                  {column.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody aria-live={live ? "polite" : undefined}>{children}</tbody>
      </table>
    </div>
  );
}
