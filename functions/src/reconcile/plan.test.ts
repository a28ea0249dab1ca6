import { describe, expect, it } from "vitest";
import type { SyncState } from "../../../contracts/sync.js";
import { backfillFrom, syncFrom } from "./plan.js";

const NOW = new Date("2026-06-10T12:00:00.000Z");
const state = (checkpoint: string | null): SyncState => ({ platform: "paddle", checkpoint, lastRunId: null, lastStatus: null, lastFinishedAt: null, lastError: null, lastMissed: 0 });

describe("where a sync starts", () => {
  it("Paddle at its checkpoint, Lemon Squeezy three days before it, and the first sync a week back", () => {
    expect(syncFrom("paddle", state("2026-06-10T11:00:00.000Z"), NOW)).toBe("2026-06-10T11:00:00.000Z");
    expect(syncFrom("lemonsqueezy", state("2026-06-10T11:00:00.000Z"), NOW)).toBe("2026-06-07T11:00:00.000Z");
    expect(syncFrom("paddle", state(null), NOW)).toBe("2026-06-03T12:00:00.000Z");
    expect(syncFrom("lemonsqueezy", undefined, NOW)).toBe("2026-06-03T12:00:00.000Z");
  });

  it("a backfill at the chosen day's UTC midnight", () => {
    expect(backfillFrom("2026-01-31")).toBe("2026-01-31T00:00:00.000Z");
  });
});
