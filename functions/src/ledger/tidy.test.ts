import { describe, expect, it } from "vitest";
import { emptyLedger, type LedgerTotals } from "../../../contracts/ledger.js";
import { addDeltas, flattenTotals } from "./delta.js";
import { zeroLedgerPaths } from "./tidy.js";

describe("zeroLedgerPaths", () => {
  it("finds zero pending days and all-zero daily totals, nothing else", () => {
    const stored = {
      affiliateId: "a",
      currency: "USD",
      shard: 2,
      earnedMinor: 0,
      pendingByDay: { "2026-01-01": 0, "2026-01-02": 150, "2026-01-03": -0, "not-a-day": 0 },
      daily: {
        "2025-12-02": { sales: 0, saleMinor: 0, commissionMinor: 0, refundedMinor: 0 },
        "2025-12-03": { sales: 1, saleMinor: 0, commissionMinor: 0, refundedMinor: 0 },
        "2025-12-04": { sales: 0 },
        "2025-12-05": "oops",
      },
    };
    expect(zeroLedgerPaths(stored)).toEqual([
      ["pendingByDay", "2026-01-01"],
      ["pendingByDay", "2026-01-03"],
      ["daily", "2025-12-02"],
      ["daily", "2025-12-04"],
    ]);
  });

  it("removes only what changes no balance: the tidied ledger equals the untidied one", () => {
    const stored: LedgerTotals = {
      ...emptyLedger(),
      pendingByDay: { "2026-01-01": 0, "2026-01-02": 150 },
      daily: { "2025-12-02": { sales: 0, saleMinor: 0, commissionMinor: 0, refundedMinor: 0 } },
    };
    const tidied = structuredClone(stored);
    for (const [map, day] of zeroLedgerPaths({ ...stored })) {
      if (map === "pendingByDay") delete tidied.pendingByDay[day];
      else delete tidied.daily[day];
    }
    expect(tidied.pendingByDay).toEqual({ "2026-01-02": 150 });
    expect(tidied.daily).toEqual({});
    expect(flattenTotals(tidied)).toEqual(flattenTotals(stored));
    expect(addDeltas(tidied, {})).toEqual(addDeltas(emptyLedger(), flattenTotals(stored)));
  });

  it("finds nothing in an empty or odd document", () => {
    expect(zeroLedgerPaths({})).toEqual([]);
    expect(zeroLedgerPaths({ pendingByDay: null, daily: 3 })).toEqual([]);
  });
});
