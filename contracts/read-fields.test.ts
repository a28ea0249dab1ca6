import { describe, expect, it } from "vitest";
import { int, intMap, intOrNull, oneOf, recordMap, str, strOrNull, strings, timeOf } from "./read-fields.js";

describe("read-fields", () => {
  it("reads integers and nothing else", () => {
    expect(int(1250)).toBe(1250);
    expect(int(-3)).toBe(-3);
    expect(int(1.5)).toBe(0);
    expect(int("12")).toBe(0);
    expect(int(undefined)).toBe(0);
    expect(intOrNull(undefined)).toBeNull();
    expect(intOrNull(5000)).toBe(5000);
  });

  it("reads strings and allowed values", () => {
    expect(str(3)).toBe("");
    expect(strOrNull("")).toBeNull();
    expect(strOrNull("SAVE10")).toBe("SAVE10");
    expect(oneOf("paid", ["pending", "paid"] as const)).toBe("paid");
    expect(oneOf("gone", ["pending", "paid"] as const)).toBeNull();
    expect(strings(["a", 1, "b"])).toEqual(["a", "b"]);
    expect(strings("a")).toEqual([]);
  });

  it("reads stored times by their toDate", () => {
    const at = new Date("2026-03-01T12:00:00.000Z");
    expect(timeOf({ toDate: () => at })).toBe(at);
    expect(timeOf("2026-03-01T12:00:00.000Z")).toBeNull();
    expect(timeOf({ toDate: () => "soon" })).toBeNull();
  });

  it("reads maps of integers and of records", () => {
    expect(intMap({ "2025-01-01": 100, "2025-01-02": "x" })).toEqual({ "2025-01-01": 100, "2025-01-02": 0 });
    expect(intMap(null)).toEqual({});
    expect(recordMap({ "01": { clicks: 2 }, "02": 5 }, (f) => int(f["clicks"]))).toEqual({ "01": 2 });
  });
});
