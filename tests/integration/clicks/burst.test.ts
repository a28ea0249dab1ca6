// Exactness of the click counters under a burst: every click counted once, none twice.
import { describe, expect, test } from "vitest";
import { clickBurst, clickDocs } from "../../../scripts/lib/clicks";
import { createAffiliate, db } from "../../support/emulator";

describe("click counters under a burst", () => {
  test("200 clicks from distinct visitors for one affiliate are exactly 200 clicks and 200 uniques", { timeout: 180_000 }, async () => {
    const { id } = await createAffiliate();
    const result = await clickBurst(db(), { n: 200, concurrency: 10, affiliateId: id });
    console.info("click burst", result);
    expect(result.failed).toBe(0);
    expect(await clickDocs(db(), id)).toBe(200);
    expect({ clicks: result.counted, uniques: result.uniques }).toEqual({ clicks: 200, uniques: 200 });
    // Every click document was counted exactly once (the flag is set in the same transaction as the increments).
    const counted = await db().collection("clicks").where("affiliateId", "==", id).where("counted", "==", true).count().get();
    expect(counted.data().count).toBe(200);
  });
});
