import { minorToDecimal } from "./money";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDate(date: Date | null): string {
  return date === null ? "—" : dateFormat.format(date);
}

/** 5000 → "50%", 1250 → "12.5%": basis points through string arithmetic, like money. */
export function formatBps(bps: number): string {
  const decimal = minorToDecimal(bps, 2).replace(/\.?0+$/, "");
  return `${decimal}%`;
}
