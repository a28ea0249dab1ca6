import { describe, expect, test } from "vitest";
import { percentile, pool } from "./stats";

describe("percentile", () => {
  test("nearest rank", () => {
    const samples = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6];
    expect(percentile(samples, 50)).toBe(5);
    expect(percentile(samples, 95)).toBe(10);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("pool", () => {
  test("keeps order and caps concurrency", async () => {
    let running = 0;
    let peak = 0;
    const tasks = Array.from({ length: 9 }, (_, i) => async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      return i * 2;
    });
    expect(await pool(tasks, 3)).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16]);
    expect(peak).toBe(3);
  });
});
