import { describe, expect, test } from "vitest";
import { TtlCache } from "./ttl-cache.js";

function clock() {
  let t = 0;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("TtlCache", () => {
  test("a value is fresh until its TTL, then stale", () => {
    const c = clock();
    const cache = new TtlCache<string>({ now: c.now });
    cache.set("a", "x", 1_000);
    expect(cache.get("a")).toEqual({ value: "x", fresh: true });
    c.advance(999);
    expect(cache.get("a")?.fresh).toBe(true);
    c.advance(1);
    expect(cache.get("a")).toEqual({ value: "x", fresh: false });
    expect(cache.get("b")).toBeUndefined();
  });

  test("holds at most maxKeys, dropping the oldest written", () => {
    const cache = new TtlCache<number>({ maxKeys: 2 });
    cache.set("a", 1, 1_000);
    cache.set("b", 2, 1_000);
    cache.set("a", 3, 1_000); // rewritten: now the newest
    cache.set("c", 4, 1_000);
    expect(cache.size).toBe(2);
    expect(cache.get("b")).toBeUndefined();
    expect(cache.get("a")?.value).toBe(3);
  });

  test("through: loads once while fresh, per-value TTL (null cached briefly)", async () => {
    const c = clock();
    const cache = new TtlCache<string | null>({ now: c.now });
    let loads = 0;
    const load = async () => (++loads % 2 === 1 ? null : "found");
    const ttl = (v: string | null) => (v === null ? 10 : 1_000);
    expect(await cache.through("k", load, ttl)).toBeNull();
    expect(await cache.through("k", load, ttl)).toBeNull();
    expect(loads).toBe(1);
    c.advance(10);
    expect(await cache.through("k", load, ttl)).toBe("found");
    c.advance(999);
    expect(await cache.through("k", load, ttl)).toBe("found");
    expect(loads).toBe(2);
  });

  test("through: concurrent callers share one load", async () => {
    const cache = new TtlCache<number>();
    let loads = 0;
    let release: (n: number) => void = () => {};
    const load = () => {
      loads++;
      return new Promise<number>((resolve) => (release = resolve));
    };
    const all = Promise.all([cache.through("k", load, () => 1_000), cache.through("k", load, () => 1_000), cache.through("k", load, () => 1_000)]);
    release(7);
    expect(await all).toEqual([7, 7, 7]);
    expect(loads).toBe(1);
  });

  test("through: a load that hangs is joined only for shareLoadMs, then a new one starts", async () => {
    const c = clock();
    const cache = new TtlCache<string>({ now: c.now, shareLoadMs: 1_000 });
    let loads = 0;
    const hang = () => {
      loads++;
      return new Promise<string>(() => {});
    };
    void cache.through("k", hang, () => 1_000);
    void cache.through("k", hang, () => 1_000);
    expect(loads).toBe(1);
    c.advance(1_000);
    expect(await cache.through("k", async () => "back", () => 1_000)).toBe("back");
    expect(cache.get("k")).toEqual({ value: "back", fresh: true });
  });

  test("through: a failed load serves the stale value, or rethrows when there is none", async () => {
    const c = clock();
    const cache = new TtlCache<string>({ now: c.now });
    const down = () => Promise.reject(new Error("UNAVAILABLE"));
    await expect(cache.through("k", down, () => 1_000)).rejects.toThrow("UNAVAILABLE");
    await cache.through("k", async () => "v1", () => 1_000);
    c.advance(5_000);
    expect(await cache.through("k", down, () => 1_000)).toBe("v1");
    // The failure is not cached: the next call tries again.
    expect(await cache.through("k", async () => "v2", () => 1_000)).toBe("v2");
  });
});
