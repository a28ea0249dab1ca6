import { describe, expect, it } from "vitest";
import { addDays, dayKey, lastDays, monthsOf } from "./days";

describe("days", () => {
  it("keys a date by its UTC day", () => {
    expect(dayKey(new Date("2025-03-01T23:59:59.999Z"))).toBe("2025-03-01");
    expect(dayKey(new Date("2025-03-01T23:30:00-02:00"))).toBe("2025-03-02");
  });

  it("adds days across months, leap days and years", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -30)).toBe("2024-12-02");
  });

  it("lists the last days oldest first, ending today", () => {
    expect(lastDays("2025-03-02", 3)).toEqual(["2025-02-28", "2025-03-01", "2025-03-02"]);
    expect(lastDays("2025-03-02", 90)).toHaveLength(90);
    expect(lastDays("2025-03-02", 90)[0]).toBe("2024-12-03");
  });

  it("finds the months the days span", () => {
    expect(monthsOf(lastDays("2025-03-02", 90))).toEqual(["2024-12", "2025-01", "2025-02", "2025-03"]);
  });
});
