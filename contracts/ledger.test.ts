import { describe, expect, it } from "vitest";
import { balancesAt, emptyLedger, readLedgerShard } from "./ledger.js";

describe("balancesAt", () => {
  const usd0 = { ...emptyLedger(), currency: "USD", pendingByDay: { "2026-12-20": 100, "2026-12-21": 200, "2026-12-22": 400 }, paidMinor: 1000, earnedMinor: 1700, sales: 3 };
  const usd1 = { ...emptyLedger(), currency: "USD", carryMinor: -150, flaggedMinor: 70, reversedMinor: 150, refunds: 1, sales: 1 };
  const eur = { ...emptyLedger(), currency: "EUR", pendingByDay: { "2026-01-01": 999 } };

  it("splits pending and payable by day, with the carry taken off payable, per currency (M-07)", () => {
    expect(balancesAt([usd0, usd1, eur], "2026-12-21")).toEqual({
      USD: {
        pendingMinor: 400,
        payableMinor: 150, // 100 + 200 − 150
        flaggedMinor: 70,
        paidMinor: 1000,
        carryMinor: -150,
        reversedMinor: 150,
        earnedMinor: 1700,
        sales: 4,
        refunds: 1,
      },
      EUR: { pendingMinor: 0, payableMinor: 999, flaggedMinor: 0, paidMinor: 0, carryMinor: 0, reversedMinor: 0, earnedMinor: 0, sales: 0, refunds: 0 },
    });
  });

  it("moves money from pending to payable as days pass, with no job", () => {
    expect(balancesAt([usd0], "2026-12-19").USD).toMatchObject({ pendingMinor: 700, payableMinor: 0 });
    expect(balancesAt([usd0], "2026-12-22").USD).toMatchObject({ pendingMinor: 0, payableMinor: 700 });
  });

  it("is empty without shards", () => {
    expect(balancesAt([], "2026-12-21")).toEqual({});
  });
});

describe("readLedgerShard", () => {
  it("reads a stored shard and counts anything malformed or missing as 0", () => {
    const stored = {
      affiliateId: "a1",
      currency: "USD",
      shard: 2,
      pendingByDay: { "2026-12-20": 100, "2026-12-21": "7" },
      earnedMinor: 1.5,
      sales: 3,
      daily: { "2026-11-20": { sales: 1, saleMinor: 9700, commissionMinor: 4850 }, bad: 4 },
      updatedAt: { seconds: 1 },
    };
    expect(readLedgerShard(stored)).toEqual({
      ...emptyLedger(),
      affiliateId: "a1",
      currency: "USD",
      shard: 2,
      pendingByDay: { "2026-12-20": 100, "2026-12-21": 0 },
      sales: 3,
      daily: { "2026-11-20": { sales: 1, saleMinor: 9700, commissionMinor: 4850, refundedMinor: 0 } },
    });
    expect(readLedgerShard(undefined)).toEqual({ ...emptyLedger(), affiliateId: "", currency: "", shard: 0 });
  });
});
