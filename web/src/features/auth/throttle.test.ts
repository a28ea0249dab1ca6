import { describe, expect, it } from "vitest";
import { checkThrottle, formatWait, parseRecords, throttleMessage, type SendRecord } from "./throttle";

const T0 = 1_700_000_000_000;

function allowed(records: readonly SendRecord[], email: string, at: number): SendRecord[] {
  const decision = checkThrottle(records, email, at);
  if (!decision.ok) throw new Error(`expected ${email} at +${at - T0} to be allowed, got ${decision.reason}`);
  return decision.records;
}

describe("checkThrottle", () => {
  it("allows one request per address per minute, matching addresses case-insensitively", () => {
    const records = allowed([], "Ann@Example.com", T0);
    expect(records).toEqual([{ email: "ann@example.com", at: T0 }]);
    expect(checkThrottle(records, " ann@example.COM ", T0 + 59_999)).toEqual({ ok: false, reason: "email", retryAfterMs: 1 });
    expect(checkThrottle(records, "ann@example.com", T0 + 20_000)).toEqual({ ok: false, reason: "email", retryAfterMs: 40_000 });
    expect(checkThrottle(records, "ann@example.com", T0 + 60_000).ok).toBe(true);
  });

  it("allows five requests per browser per 15 minutes, whatever the addresses", () => {
    let records: SendRecord[] = [];
    for (let i = 0; i < 5; i++) records = allowed(records, `p${i}@example.com`, T0 + i * 1000);
    expect(checkThrottle(records, "p5@example.com", T0 + 5000)).toEqual({ ok: false, reason: "browser", retryAfterMs: 15 * 60_000 - 5000 });
    // The oldest request leaves the window exactly 15 minutes after it was made.
    expect(checkThrottle(records, "p5@example.com", T0 + 15 * 60_000 - 1).ok).toBe(false);
    const after = allowed(records, "p5@example.com", T0 + 15 * 60_000);
    expect(after).toHaveLength(5);
    expect(after.map((r) => r.email)).toEqual(["p1@example.com", "p2@example.com", "p3@example.com", "p4@example.com", "p5@example.com"]);
  });

  it("keeps waiting when the clock has moved backwards", () => {
    const records = allowed([], "a@example.com", T0);
    expect(checkThrottle(records, "a@example.com", T0 - 10_000)).toEqual({ ok: false, reason: "email", retryAfterMs: 60_000 });
  });
});

describe("parseRecords", () => {
  it("keeps well-formed records and drops the rest", () => {
    expect(parseRecords(null)).toEqual([]);
    expect(parseRecords("not json")).toEqual([]);
    expect(parseRecords('{"email":"a"}')).toEqual([]);
    expect(parseRecords('[{"email":"a@x.io","at":5},{"email":1,"at":2},null,{"email":"b@x.io","at":"3"}]')).toEqual([{ email: "a@x.io", at: 5 }]);
  });
});

describe("messages", () => {
  it("rounds waits up", () => {
    expect(formatWait(1)).toBe("1 second");
    expect(formatWait(40_000)).toBe("40 seconds");
    expect(formatWait(60_000)).toBe("1 minute");
    expect(formatWait(60_001)).toBe("2 minutes");
    expect(formatWait(14 * 60_000 + 5000)).toBe("15 minutes");
  });

  it("says which limit was hit", () => {
    expect(throttleMessage({ ok: false, reason: "email", retryAfterMs: 30_000 })).toMatch(/this address.*30 seconds/);
    expect(throttleMessage({ ok: false, reason: "browser", retryAfterMs: 600_000 })).toMatch(/this browser.*10 minutes/);
  });
});
