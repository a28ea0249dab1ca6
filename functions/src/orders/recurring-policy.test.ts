import { describe, expect, it } from "vitest";
import { describePolicy, recurringPolicySchema } from "../../../contracts/recurring-policy.js";
import { addMonths, monthsPolicyEnd, policyVerdict } from "./recurring-policy.js";

const START = "2026-01-31T09:30:00.000Z";

describe("addMonths", () => {
  it("adds calendar months in UTC, clamping the day to shorter months and keeping the time", () => {
    expect(addMonths(START, 1)).toBe("2026-02-28T09:30:00.000Z");
    expect(addMonths(START, 2)).toBe("2026-03-31T09:30:00.000Z");
    expect(addMonths("2027-12-15T00:00:00Z", 2)).toBe("2028-02-15T00:00:00.000Z");
    expect(addMonths("2028-01-31T00:00:00Z", 1)).toBe("2028-02-29T00:00:00.000Z");
    expect(() => addMonths("not a date", 1)).toThrow(RangeError);
  });
});

describe("policyVerdict", () => {
  const at = (number: number, paidAt = "2026-06-01T00:00:00Z") => ({ number, paidAt });

  it("every payment earns under `every`", () => {
    for (const n of [1, 2, 40]) expect(policyVerdict({ kind: "every" }, at(n), null)).toEqual({ earns: true });
  });

  it("`first` and `payments` count payments, the first one being number 1", () => {
    expect(policyVerdict({ kind: "first" }, at(1), null)).toEqual({ earns: true });
    expect(policyVerdict({ kind: "first" }, at(2), null)).toEqual({ earns: false, reason: "beyond_policy" });
    expect(policyVerdict({ kind: "payments", limit: 3 }, at(3), null)).toEqual({ earns: true });
    expect(policyVerdict({ kind: "payments", limit: 3 }, at(4), null)).toEqual({ earns: false, reason: "beyond_policy" });
  });

  it("`months` counts from the first payment; the payment that opens month N + 1 earns nothing, even a few hours early", () => {
    const three = { kind: "months", limit: 3 } as const;
    expect(policyVerdict(three, at(3, "2026-03-31T09:31:00Z"), START)).toEqual({ earns: true });
    expect(policyVerdict(three, at(4, "2026-04-30T09:30:00Z"), START)).toEqual({ earns: false, reason: "beyond_policy" });
    expect(policyVerdict(three, at(4, "2026-04-30T03:00:00Z"), START)).toEqual({ earns: false, reason: "beyond_policy" });
    // An upgrade charged mid-month 3 earns, whatever its number.
    expect(policyVerdict(three, at(9, "2026-04-15T00:00:00Z"), START)).toEqual({ earns: true });
    expect(monthsPolicyEnd(START, 3)).toBe("2026-04-29T09:30:00.000Z");
  });

  it("`months` cannot place a renewal before the first payment's time is known", () => {
    expect(policyVerdict({ kind: "months", limit: 3 }, at(2), null)).toEqual({ earns: false, reason: "no_start" });
    expect(policyVerdict({ kind: "months", limit: 3 }, at(1), null)).toEqual({ earns: true });
  });

  it("refuses payment numbers below 1", () => {
    expect(() => policyVerdict({ kind: "every" }, at(0), null)).toThrow(RangeError);
  });
});

describe("the policy contract", () => {
  it("requires a limit exactly where one applies, and says the policy in words", () => {
    expect(recurringPolicySchema.safeParse({ kind: "payments" }).success).toBe(false);
    expect(recurringPolicySchema.safeParse({ kind: "months", limit: 0 }).success).toBe(false);
    expect(recurringPolicySchema.safeParse({ kind: "every", limit: 3 }).success).toBe(false);
    expect(describePolicy({ kind: "every" })).toBe("every payment");
    expect(describePolicy({ kind: "first" })).toBe("the first payment only");
    expect(describePolicy({ kind: "payments", limit: 6 })).toBe("the first 6 payments");
    expect(describePolicy({ kind: "months", limit: 1 })).toBe("payments in the first month");
    expect(describePolicy({ kind: "months", limit: 12 })).toBe("payments in the first 12 months");
  });
});
