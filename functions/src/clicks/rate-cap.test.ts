import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { RateCap } from "./rate-cap.js";

function clock(start = 0) {
  let t = start;
  return { now: () => t, set: (ms: number) => (t = ms) };
}

function takeMany(cap: RateCap, key: string, n: number): number {
  let counted = 0;
  for (let i = 0; i < n; i++) if (cap.take(key)) counted++;
  return counted;
}

describe("RateCap", () => {
  test.each([
    ["below the cap", 30, 10, 10],
    ["exactly the cap", 30, 30, 30],
    ["one over the cap", 30, 31, 30],
    ["1,000 requests in a minute (C-06)", 30, 1000, 30],
    ["custom cap", 3, 5, 3],
    ["cap zero counts nothing", 0, 5, 0],
  ])("%s: cap %i, %i requests → %i counted", (_name, capValue, requests, expected) => {
    const { now } = clock();
    expect(takeMany(new RateCap({ cap: capValue, now }), "ip-a", requests)).toBe(expected);
  });

  test("defaults to 30 per minute", () => {
    const c = clock(5_000);
    const cap = new RateCap({ now: c.now });
    expect(takeMany(cap, "ip-a", 40)).toBe(30);
    c.set(59_999);
    expect(cap.take("ip-a")).toBe(false);
    c.set(60_000);
    expect(takeMany(cap, "ip-a", 40)).toBe(30);
  });

  test("keys are counted apart", () => {
    const { now } = clock();
    const cap = new RateCap({ cap: 2, now });
    expect([cap.take("a"), cap.take("a"), cap.take("a"), cap.take("b"), cap.take("b"), cap.take("b")]).toEqual([
      true, true, false, true, true, false,
    ]);
  });

  test("a new window forgets old keys (bounded memory)", () => {
    const c = clock();
    const cap = new RateCap({ now: c.now });
    for (let i = 0; i < 500; i++) cap.take(`ip-${i}`);
    expect(cap.size).toBe(500);
    c.set(60_000);
    cap.take("ip-new");
    expect(cap.size).toBe(1);
  });

  test("a cap given with the click (a parameter read in the handler) replaces the default one", () => {
    const cap = new RateCap({ cap: 30, now: clock().now });
    let counted = 0;
    for (let i = 0; i < 8; i++) if (cap.take("aff", 5)) counted++;
    expect(counted).toBe(5);
    expect(cap.take("aff")).toBe(true);
    expect(cap.take("other", 0)).toBe(false);
  });

  test("past maxKeys, new keys are not counted but known keys still are", () => {
    const { now } = clock();
    const cap = new RateCap({ cap: 5, maxKeys: 3, now });
    expect(["a", "b", "c", "d"].map((k) => cap.take(k))).toEqual([true, true, true, false]);
    expect(cap.take("a")).toBe(true);
    expect(cap.size).toBe(3);
  });

  test("a clock going backwards starts a fresh window instead of failing", () => {
    const c = clock(120_000);
    const cap = new RateCap({ cap: 1, now: c.now });
    expect(cap.take("a")).toBe(true);
    c.set(60_000);
    expect(cap.take("a")).toBe(true);
    expect(cap.take("a")).toBe(false);
  });

  test("property: per key and window, counted ≤ cap and memory ≤ maxKeys", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 5_000 })), { maxLength: 300 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 5 }),
        (steps, capValue, maxKeys) => {
          let t = 0;
          const cap = new RateCap({ cap: capValue, maxKeys, windowMs: 10_000, now: () => t });
          const counted = new Map<string, number>();
          for (const [key, advance] of steps) {
            t += advance;
            const id = `${Math.floor(t / 10_000)}:${key}`;
            if (cap.take(String(key))) counted.set(id, (counted.get(id) ?? 0) + 1);
            expect(cap.size).toBeLessThanOrEqual(maxKeys);
          }
          for (const n of counted.values()) expect(n).toBeLessThanOrEqual(capValue);
        },
      ),
    );
  });
});
