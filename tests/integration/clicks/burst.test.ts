// A burst of clicks for one affiliate: every click within the ceiling counted once, none twice, the
// counters exact once the folds settle, and at most one write per counted click, none per refused one.
import { describe, expect, test } from "vitest";
import { clickBurst, clickWrites, emulatorAffiliateCeiling, fakeVisitors, postBeacon, settledTotals } from "../../../scripts/lib/clicks";
import { createAffiliate, db } from "../../support/emulator";

// CLICKS_PER_AFFILIATE_PER_MINUTE on the emulators (functions/.env.demo-affiliates).
const ceiling = emulatorAffiliateCeiling();
const BURST = 100;

describe("click counters under a burst", () => {
  test("a burst of 100 clicks from distinct visitors for one affiliate is exactly 100 clicks and 100 uniques, for about one write each", { timeout: 180_000 }, async () => {
    // Within the ceiling even if one instance takes them all.
    expect(BURST).toBeLessThanOrEqual(ceiling);
    const { id } = await createAffiliate();
    const result = await clickBurst(db(), { n: BURST, concurrency: 5, affiliateId: id });
    const writes = await clickWrites(db(), id);
    console.info("click burst", result, writes);
    expect(result.failed).toBe(0);
    expect({ clicks: result.counted, uniques: result.uniques }).toEqual({ clicks: BURST, uniques: BURST });
    // One write per click (its visit), plus the folds: one per debounce window, not one per click.
    expect(writes.visits).toBe(BURST);
    expect(writes.folds).toBeGreaterThan(0);
    expect(writes.total / BURST).toBeLessThan(1.25);
    expect(result.settleMs).toBeLessThan(30_000);
  });

  test("past the affiliate's ceiling clicks are refused as rate-limited and write nothing; those within it all count", { timeout: 180_000 }, async () => {
    // The ceiling counts per fixed minute: start early in one so every request lands in the same window.
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 20_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 200));
    const { id } = await createAffiliate();
    const minute = Math.floor(Date.now() / 60_000);
    // One after another, so they reach one function instance: the ceiling is kept per instance.
    for (const visitor of fakeVisitors(ceiling + 20)) expect((await postBeacon(visitor, id)).status).toBe(204);
    expect(Math.floor(Date.now() / 60_000), "all requests within one minute window").toBe(minute);
    const totals = await settledTotals(db(), id, ceiling, { quietMs: 2_500 });
    expect({ clicks: totals.clicks, uniques: totals.uniques }).toEqual({ clicks: ceiling, uniques: ceiling });
    // The 20 refused clicks wrote nothing: one visit write per counted click, and the folds.
    const writes = await clickWrites(db(), id);
    expect(writes.visits).toBe(ceiling);
    expect(writes.total).toBeLessThan(ceiling * 1.25);
  });
});
