import { describe, expect, test } from "vitest";
import { answerNoSoonerThan } from "./answer-time.js";
import { APPLY_LIMITS, bucketOf, clientBuckets, retryAfterSeconds, SIGN_IN_LIMITS } from "./limits.js";

describe("bucketOf", () => {
  const limit = SIGN_IN_LIMITS.perEmail;

  test("one counter per key and window; the id holds no address", () => {
    const a = bucketOf(limit, "ada@example.com", new Date("2026-12-01T21:05:00Z"));
    expect(a.id).toMatch(/^sign-in-email_20261201T2100_[0-9a-f]{32}$/);
    expect(a.id).not.toContain("ada");
    expect(bucketOf(limit, "ada@example.com", new Date("2026-12-01T21:59:59.999Z")).id).toBe(a.id);
    expect(bucketOf(limit, "ada@example.com", new Date("2026-12-01T22:00:00Z")).id).not.toBe(a.id);
    expect(bucketOf(limit, "grace@example.com", new Date("2026-12-01T21:05:00Z")).id).not.toBe(a.id);
  });

  test("the same key under another limit is another counter", () => {
    const now = new Date("2026-12-01T21:05:00Z");
    expect(bucketOf(APPLY_LIMITS.perClient, "198.51.100.4", now).id).not.toBe(bucketOf(SIGN_IN_LIMITS.perClient, "198.51.100.4", now).id);
  });

  test("resets at the end of its window and expires a day later", () => {
    const now = new Date("2026-12-01T21:05:00Z");
    const bucket = bucketOf(limit, "ada@example.com", now);
    expect(bucket.resetsAt.toISOString()).toBe("2026-12-01T22:00:00.000Z");
    expect(bucket.expireAt.toISOString()).toBe("2026-12-02T22:00:00.000Z");
    expect(retryAfterSeconds(bucket, now)).toBe(55 * 60);
    expect(retryAfterSeconds(bucket, new Date("2026-12-01T22:00:00Z"))).toBe(1);
  });

  test("a burst from one client uses a small share of the global cap", () => {
    expect(APPLY_LIMITS.perClient.max * 10).toBeLessThanOrEqual(APPLY_LIMITS.global.max);
  });
});

describe("answerNoSoonerThan", () => {
  function fakeClock() {
    let now = 1_000;
    const waits: number[] = [];
    return {
      clock: () => now,
      wait: async (ms: number) => {
        waits.push(ms);
        now += Math.max(0, ms);
      },
      advance: (ms: number) => (now += ms),
      waits,
    };
  }

  test("a fast answer waits for the rest of the time", async () => {
    const t = fakeClock();
    await expect(answerNoSoonerThan(800, async () => (t.advance(150), "ok"), t.clock, t.wait)).resolves.toBe("ok");
    expect(t.waits).toEqual([650]);
  });

  test("an error waits too, then is thrown", async () => {
    const t = fakeClock();
    await expect(answerNoSoonerThan(800, async () => (t.advance(10), Promise.reject(new Error("no"))), t.clock, t.wait)).rejects.toThrow("no");
    expect(t.waits).toEqual([790]);
  });

  test("a slow answer is not delayed further", async () => {
    const t = fakeClock();
    await answerNoSoonerThan(800, async () => t.advance(900), t.clock, t.wait);
    expect(t.waits.every((ms) => ms <= 0)).toBe(true);
  });
});

describe("clientBuckets", () => {
  const now = new Date("2026-12-01T21:05:00Z");

  test("a known client is counted on its own", () => {
    expect(clientBuckets(APPLY_LIMITS.perClient, "198.51.100.4", false, now)).toEqual([bucketOf(APPLY_LIMITS.perClient, "198.51.100.4", now)]);
  });

  test("in production requests without an address share one counter; on the emulators they are not counted per client", () => {
    expect(clientBuckets(APPLY_LIMITS.perClient, null, false, now)).toEqual([bucketOf(APPLY_LIMITS.perClient, "unknown", now)]);
    expect(clientBuckets(APPLY_LIMITS.perClient, null, true, now)).toEqual([]);
    expect(clientBuckets(APPLY_LIMITS.perClient, "198.51.100.4", true, now)).toHaveLength(1);
  });

  test("counted per address too, one client's counter for one address is its own", () => {
    const limit = SIGN_IN_LIMITS.perEmailFromClient;
    const [ada] = clientBuckets(limit, "198.51.100.4", false, now, "ada@example.com");
    const [grace] = clientBuckets(limit, "198.51.100.4", false, now, "grace@example.com");
    const [elsewhere] = clientBuckets(limit, "203.0.113.9", false, now, "ada@example.com");
    expect(new Set([ada?.id, grace?.id, elsewhere?.id]).size).toBe(3);
    expect(ada?.id).not.toBe(clientBuckets(limit, "198.51.100.4", false, now)[0]?.id);
    expect(clientBuckets(limit, null, true, now, "ada@example.com")).toEqual([]);
  });
});
