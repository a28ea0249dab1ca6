import { describe, expect, it } from "vitest";
import { ledgerKeyOf } from "../../../../contracts/ids";
import { emptyLedger } from "../../../../contracts/ledger";
import type { LedgerShard } from "../../types/models";
import { computeBalances } from "./compute-balances";

function shard(partial: Partial<LedgerShard> & Pick<LedgerShard, "currency" | "shard">): LedgerShard {
  return {
    id: ledgerKeyOf({ affiliateId: "aff1", ...partial }),
    affiliateId: "aff1",
    ...emptyLedger(),
    ...partial,
  };
}

describe("computeBalances", () => {
  it("returns nothing without shards", () => {
    expect(computeBalances([], new Date("2025-03-10T00:00:00Z"))).toEqual([]);
  });

  it("splits pending amounts around now (day keys written earlier count from the day's start) and sums shards per currency", () => {
    const shards = [
      shard({ currency: "USD", shard: 0, pendingByDay: { "2025-03-09": 1000, "2025-03-10T11:59:59Z": 250, "2025-03-10T12:00:01Z": 400 }, paidMinor: 5000, earnedMinor: 6650, sales: 4 }),
      shard({ currency: "USD", shard: 1, pendingByDay: { "2025-03-10": 50, "2025-04-01": 700 }, flaggedMinor: 300, earnedMinor: 1050, sales: 2, refunds: 1 }),
      shard({ currency: "EUR", shard: 3, pendingByDay: { "2025-02-01": 999 }, earnedMinor: 999, sales: 1 }),
    ];
    expect(computeBalances(shards, new Date("2025-03-10T12:00:00.500Z"))).toEqual([
      { currency: "EUR", payableMinor: 999, pendingMinor: 0, carryMinor: 0, flaggedMinor: 0, paidMinor: 0, earnedMinor: 999, reversedMinor: 0, sales: 1, refunds: 0, nextPayableDay: null },
      { currency: "USD", payableMinor: 1300, pendingMinor: 1100, carryMinor: 0, flaggedMinor: 300, paidMinor: 5000, earnedMinor: 7700, reversedMinor: 0, sales: 6, refunds: 1, nextPayableDay: "2025-03-10" },
    ]);
  });

  it("takes a negative carry-forward from what is payable, even below zero", () => {
    const shards = [
      shard({ currency: "USD", shard: 0, pendingByDay: { "2025-03-01": 300 }, carryMinor: -500 }),
      shard({ currency: "USD", shard: 1, carryMinor: -200, pendingByDay: { "2025-03-20": 900 } }),
    ];
    const [usd] = computeBalances(shards, new Date("2025-03-10T00:00:00Z"));
    expect(usd).toMatchObject({ payableMinor: -400, carryMinor: -700, pendingMinor: 900 });
  });

  it("moves money from pending to payable at its exact payable time", () => {
    const shards = [shard({ currency: "GBP", shard: 0, pendingByDay: { "2025-03-11T15:30:00Z": 400 } })];
    expect(computeBalances(shards, new Date("2025-03-11T15:29:59.999Z"))[0]).toMatchObject({ payableMinor: 0, pendingMinor: 400, nextPayableDay: "2025-03-11" });
    expect(computeBalances(shards, new Date("2025-03-11T15:30:00Z"))[0]).toMatchObject({ payableMinor: 400, pendingMinor: 0, nextPayableDay: null });
  });
});
