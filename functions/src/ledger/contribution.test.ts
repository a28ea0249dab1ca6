import { describe, expect, it } from "vitest";
import type { DerivedOrder } from "../orders/derive.js";
import { contributionOf, shardOf, utcDay } from "./contribution.js";

const paid: DerivedOrder = {
  status: "paid",
  affiliateId: "alice_01",
  currency: "EUR",
  grossMinor: 1200,
  taxMinor: 200,
  feeMinor: 90,
  netMinor: 999,
  baseCurrency: "USD",
  refundedGrossMinor: 0,
  refundedBaseMinor: 0,
  rateBps: 5000,
  originalCommissionMinor: 500,
  commissionMinor: 500,
  commissionCurrency: "USD",
  paidOutMinor: 0,
  saleAt: "2026-11-21T23:30:00.000Z",
  refundWindowDays: 30,
  payableAt: "2026-12-21T23:30:00.000Z",
  flag: null,
  flagApproved: false,
  test: false,
};

describe("shardOf", () => {
  it("is stable (golden values: changing them would orphan ledger sums)", () => {
    // FNV-1a 32-bit reference vectors: "a" = 0xe40c292c, "foobar" = 0xbf9cf968.
    expect(shardOf("a", 1000)).toBe(0xe40c292c % 1000);
    expect(shardOf("foobar", 1000)).toBe(0xbf9cf968 % 1000);
    expect(["paddle_txn_01", "lemonsqueezy_1", "paddle-classic_123456"].map((k) => shardOf(k))).toEqual([2, 0, 2]);
    expect(shardOf("")).toBe(0x811c9dc5 % 4);
    expect(shardOf("a", 1)).toBe(0);
  });

  it("spreads keys over the shards", () => {
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) {
      const s = shardOf(`paddle_txn_${i}`);
      counts[s] = (counts[s] ?? 0) + 1;
    }
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });

  it("rejects a bad shard count", () => {
    expect(() => shardOf("x", 0)).toThrow(RangeError);
  });
});

describe("contributionOf", () => {
  it("puts an unpaid commission on its payable day", () => {
    expect(contributionOf("paddle_txn_1", paid)).toEqual({
      affiliateId: "alice_01",
      currency: "USD",
      shard: shardOf("paddle_txn_1"),
      pendingByDay: { "2026-12-21T23:30:00Z": 500 },
      flaggedMinor: 0,
      carryMinor: 0,
      paidMinor: 0,
      reversedMinor: 0,
      earnedMinor: 500,
      sales: 1,
      refunds: 0,
      daily: { "2026-11-21": { sales: 1, saleMinor: 999, commissionMinor: 500, refundedMinor: 0 } },
    });
  });

  it("keeps what is left after a partial payout pending", () => {
    const c = contributionOf("k", { ...paid, paidOutMinor: 300 });
    expect(c).toMatchObject({ pendingByDay: { "2026-12-21T23:30:00Z": 200 }, paidMinor: 300, carryMinor: 0 });
  });

  it("carries a refund after payout as a negative amount (W-22)", () => {
    const c = contributionOf("k", { ...paid, status: "refunded", refundedGrossMinor: 1200, refundedBaseMinor: 999, commissionMinor: 0, paidOutMinor: 500 });
    expect(c).toMatchObject({ pendingByDay: {}, carryMinor: -500, paidMinor: 500, reversedMinor: 500, earnedMinor: 0, refunds: 1 });
    expect(c?.daily["2026-11-21"]).toEqual({ sales: 1, saleMinor: 999, commissionMinor: 0, refundedMinor: 999 });
  });

  it("holds a self-referral until approved (W-29)", () => {
    expect(contributionOf("k", { ...paid, flag: "self_referral" })).toMatchObject({ pendingByDay: {}, flaggedMinor: 500 });
    expect(contributionOf("k", { ...paid, flag: "self_referral", flagApproved: true })).toMatchObject({
      pendingByDay: { "2026-12-21T23:30:00Z": 500 },
      flaggedMinor: 0,
    });
  });

  it("is fully settled once paid in full", () => {
    expect(contributionOf("k", { ...paid, paidOutMinor: 500 })).toMatchObject({ pendingByDay: {}, carryMinor: 0, flaggedMinor: 0, paidMinor: 500 });
  });

  it("adds nothing for unattributed, test, or sale-less orders", () => {
    expect(contributionOf("k", { ...paid, affiliateId: null })).toBeNull();
    expect(contributionOf("k", { ...paid, test: true })).toBeNull();
    expect(contributionOf("k", { ...paid, status: "awaiting_sale", saleAt: null, payableAt: null, commissionCurrency: null })).toBeNull();
  });
});

describe("utcDay", () => {
  it("takes the UTC day of an instant with an offset", () => {
    expect(utcDay("2026-11-21T23:30:00-05:00")).toBe("2026-11-22");
    expect(() => utcDay("nope")).toThrow(RangeError);
  });
});
