import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { withDeadline } from "./deadline.js";

describe("withDeadline", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const after = <T>(ms: number, value: T) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

  test("work that finishes first wins and clears its timer", async () => {
    const settled = withDeadline(after(100, "done"), 800);
    await vi.advanceTimersByTimeAsync(100);
    await expect(settled).resolves.toEqual({ ok: true, value: "done" });
    expect(vi.getTimerCount()).toBe(0);
  });

  test("slow work times out at the deadline, not later", async () => {
    let outcome: unknown;
    void withDeadline(after(5_000, "late"), 800).then((o) => (outcome = o));
    await vi.advanceTimersByTimeAsync(799);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toEqual({ ok: false, reason: "timeout" });
  });

  test("a failure is reported, not thrown", async () => {
    const error = new Error("UNAVAILABLE");
    await expect(withDeadline(Promise.reject(error), 800)).resolves.toEqual({ ok: false, reason: "error", error });
  });

  test("a failure after the deadline raises no unhandled rejection", async () => {
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error("late")), 2_000));
    const settled = withDeadline(late, 10);
    await vi.advanceTimersByTimeAsync(10);
    await expect(settled).resolves.toEqual({ ok: false, reason: "timeout" });
    await vi.advanceTimersByTimeAsync(2_000);
  });

  test("no time left: already settled work still wins, pending work times out at once", async () => {
    await expect(withDeadline(Promise.resolve(1), -50)).resolves.toEqual({ ok: true, value: 1 });
    const pending = withDeadline(new Promise(() => {}), -50);
    await vi.advanceTimersByTimeAsync(0);
    await expect(pending).resolves.toEqual({ ok: false, reason: "timeout" });
  });
});
