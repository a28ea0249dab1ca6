import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addVisit, clicksOf, utcDay, type ClickSource, type VisitCounts } from "./visits.js";

describe("addVisit", () => {
  test.each([
    ["first beacon", null, "beacon", { redirect: 0, beacon: 1 }, 1, 1],
    ["first redirect", null, "redirect", { redirect: 1, beacon: 0 }, 1, 1],
    ["same visitor again (reload)", { redirect: 0, beacon: 1 }, "beacon", { redirect: 0, beacon: 2 }, 1, 0],
    ["the beacon after its /r/ redirect", { redirect: 1, beacon: 0 }, "beacon", { redirect: 1, beacon: 1 }, 0, 0],
    ["the redirect counted after its beacon", { redirect: 0, beacon: 1 }, "redirect", { redirect: 1, beacon: 1 }, 0, 0],
    ["a second /r/ visit", { redirect: 1, beacon: 1 }, "redirect", { redirect: 2, beacon: 1 }, 1, 0],
  ] as const)("%s", (_name, before, source, after, clicks, unique) => {
    expect(addVisit(before, source)).toEqual({ after, clicks, unique });
  });

  test("property: totals are max(redirects, beacons) and one unique, in any order", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom<ClickSource>("redirect", "beacon"), { maxLength: 30 }), (sources) => {
        let state: VisitCounts | null = null;
        let clicks = 0;
        let uniques = 0;
        for (const source of sources) {
          const step = addVisit(state, source);
          state = step.after;
          clicks += step.clicks;
          uniques += step.unique;
        }
        const redirects = sources.filter((s) => s === "redirect").length;
        expect(clicks).toBe(Math.max(redirects, sources.length - redirects));
        // What the fold sums: the final counts give the same clicks as the steps did.
        expect(state === null ? 0 : clicksOf(state)).toBe(clicks);
        expect(uniques).toBe(sources.length > 0 ? 1 : 0);
      }),
    );
  });
});

describe("utcDay", () => {
  test("is the UTC calendar day", () => {
    expect(utcDay(new Date("2026-03-01T23:59:59.999Z"))).toBe("2026-03-01");
    expect(utcDay(new Date("2026-03-01T23:30:00-02:00"))).toBe("2026-03-02");
  });
});
