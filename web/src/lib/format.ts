import { bpsToPercentText } from "./units";

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

export function formatDate(date: Date | null): string {
  return date === null ? "—" : dateFormat.format(date);
}

/** 5000 → "50%", 1250 → "12.5%": basis points through string arithmetic, like money. */
export function formatBps(bps: number): string {
  return `${bpsToPercentText(bps)}%`;
}
