import { describe, expect, it } from "vitest";
import { effectiveStatus } from "./effective-status";

const now = new Date("2025-03-10T12:00:00.000Z");

describe("effectiveStatus", () => {
  it("turns pending into payable once payableAt has passed, inclusive", () => {
    expect(effectiveStatus({ status: "pending", payableAt: new Date("2025-03-10T12:00:00.000Z") }, now)).toBe("payable");
    expect(effectiveStatus({ status: "pending", payableAt: new Date("2025-02-01T00:00:00.000Z") }, now)).toBe("payable");
    expect(effectiveStatus({ status: "pending", payableAt: new Date("2025-03-10T12:00:00.001Z") }, now)).toBe("pending");
    expect(effectiveStatus({ status: "pending", payableAt: null }, now)).toBe("pending");
  });

  it.each(["paid", "refunded", "reversed", "flagged"] as const)("leaves %s alone", (status) => {
    expect(effectiveStatus({ status, payableAt: new Date("2020-01-01T00:00:00.000Z") }, now)).toBe(status);
  });
});
