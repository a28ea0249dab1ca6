/** Form fields as received: URLSearchParams from the raw body, a Map, or a plain record. */
export type ClassicFields = URLSearchParams | ReadonlyMap<string, string> | Readonly<Record<string, string>>;

/**
 * Flattens the fields into a record, or returns null when a key repeats: PHP would keep the last
 * value while `URLSearchParams.get` returns the first, so a repeated key could make the verified
 * and the parsed values differ.
 */
export function fieldsToRecord(fields: ClassicFields): Record<string, string> | null {
  const entries: Iterable<[string, string]> =
    fields instanceof URLSearchParams || fields instanceof Map ? fields.entries() : Object.entries(fields);
  const record: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of entries) {
    if (Object.hasOwn(record, key)) return null;
    record[key] = value;
  }
  return record;
}

/**
 * PHP `serialize()` of the key-sorted field array, every value as a string, lengths in UTF-8 bytes:
 * `a:2:{s:8:"alert_id";s:3:"123";s:4:"name";s:3:"Zoë";}` (Zoë is 4 bytes, so s:4). Keys sort by
 * byte order, which is what PHP's `ksort` does for the non-numeric names Paddle uses.
 */
export function phpSerializeFields(fields: Readonly<Record<string, string>>): Buffer {
  const keys = Object.keys(fields)
    .filter((key) => key !== "p_signature")
    .sort((a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8")));
  const str = (text: string): string => `s:${Buffer.byteLength(text, "utf8")}:"${text}";`;
  const body = keys.map((key) => str(key) + str(fields[key] ?? "")).join("");
  return Buffer.from(`a:${keys.length}:{${body}}`, "utf8");
}
