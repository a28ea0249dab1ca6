// RFC 4180 CSV: fields with a comma, quote or line break are quoted and quotes doubled; lines end
// with CRLF. Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading
// apostrophe, unless it is a plain number such as a negative amount.

export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: CsvValue): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new RangeError("CSV numbers must be finite");
    return String(value);
  }
  const safe = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: ReadonlyArray<ReadonlyArray<CsvValue>>): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + (rows.length > 0 ? "\r\n" : "");
}

/** The inverse, for tests and for checking a download: handles quotes, doubled quotes and CRLF. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parsed lines after the header as records keyed by the header's column names, so readers name columns. */
export function csvRecords(rows: readonly string[][]): Array<Record<string, string>> {
  const [header = [], ...lines] = rows;
  return lines.map((line) => Object.fromEntries(header.map((name, i) => [name, line[i] ?? ""])));
}
