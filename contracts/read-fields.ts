// Documents come from a schemaless store: every field is read defensively so a missing or
// malformed value shows as 0/empty instead of NaN or a crash. Pure, so it is unit-tested.

export type Fields = Record<string, unknown>;

export function isRecord(value: unknown): value is Fields {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A safe integer, or 0. Amounts are integers by contract, so a fraction means corrupt data. */
export function int(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : 0;
}

export function intOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}

export function str(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function strOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}

export function oneOf<const T extends readonly string[]>(value: unknown, allowed: T): T[number] | null {
  return typeof value === "string" && (allowed as readonly string[]).includes(value) ? value : null;
}

export function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** `{ key: integer }` maps such as `pendingByDay`. */
export function intMap(value: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) out[key] = int(v);
  return out;
}

/** `{ key: { field: integer } }` maps such as `daily` and click `days`. */
export function recordMap<T>(value: unknown, read: (fields: Fields) => T): Record<string, T> {
  const out: Record<string, T> = {};
  if (!isRecord(value)) return out;
  for (const [key, v] of Object.entries(value)) if (isRecord(v)) out[key] = read(v);
  return out;
}

function hasToDate(value: unknown): value is { toDate(): unknown } {
  return isRecord(value) && typeof value["toDate"] === "function";
}

/** A stored time: anything with `toDate()` (a Firestore Timestamp of either SDK), else null. */
export function timeOf(value: unknown): Date | null {
  if (!hasToDate(value)) return null;
  const date = value.toDate();
  return date instanceof Date ? date : null;
}
