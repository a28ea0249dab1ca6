// Days are `YYYY-MM-DD` strings in UTC, as the backend writes them, so comparing them as strings
// orders them correctly.

export type DayKey = string;

export function dayKey(date: Date): DayKey {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: DayKey, days: number): DayKey {
  const date = new Date(`${day}T00:00:00.000Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayKey(date);
}

/** The `count` days ending with `lastDay`, oldest first. */
export function lastDays(lastDay: DayKey, count: number): DayKey[] {
  return Array.from({ length: count }, (_, i) => addDays(lastDay, i - count + 1));
}

/** Distinct `YYYY-MM` months touched by the days, in order. */
export function monthsOf(days: readonly DayKey[]): string[] {
  return [...new Set(days.map((d) => d.slice(0, 7)))];
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeZone: "UTC" });

/** A day key shown to people, e.g. "Mar 5, 2025". */
export function formatDay(day: DayKey): string {
  return dateFormat.format(new Date(`${day}T00:00:00.000Z`));
}
