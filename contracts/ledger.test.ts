import { describe, expect, it } from "vitest";
import { balancesAt, emptyLedger, payableKey, payableKeyAt, PENDING_KEY, readLedgerShard } from "./ledger.js";

describe("balancesAt", () => {
  const usd0 = { ...emptyLedger(), currency: "USD", pendingByDay: { "2026-12-20T10:00:00Z": 100, "2026-12-21T09:30:00Z": 200, "2026-12-22T00:00:01Z": 400 }, paidMinor: 1000, earnedMinor: 1700, sales: 3 };
  const usd1 = { ...emptyLedger(), currency: "USD", carryMinor: -150, flaggedMinor: 70, reversedMinor: 150, refunds: 1, sales: 1 };
  const eur = { ...emptyLedger(), currency: "EUR", pendingByDay: { "2026-01-01": 999 } };

  it("splits pending and payable by payable time, with the carry taken off payable, per currency (M-07)", () => {
    expect(balancesAt([usd0, usd1, eur], new Date("2026-12-21T09:30:00.000Z"))).toEqual({
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

  it("moves money from pending to payable as time passes, to the second, with no job (issue 11, finding 8)", () => {
    expect(balancesAt([usd0], new Date("2026-12-19T23:59:59.999Z")).USD).toMatchObject({ pendingMinor: 700, payableMinor: 0 });
    expect(balancesAt([usd0], new Date("2026-12-21T09:29:59.999Z")).USD).toMatchObject({ pendingMinor: 600, payableMinor: 100 });
    expect(balancesAt([usd0], new Date("2026-12-22T00:00:00.999Z")).USD).toMatchObject({ pendingMinor: 400, payableMinor: 300 });
    expect(balancesAt([usd0], new Date("2026-12-22T00:00:01.000Z")).USD).toMatchObject({ pendingMinor: 0, payableMinor: 700 });
  });

  it("counts a day key written before maturity was exact from that day's start", () => {
    const old = { ...emptyLedger(), currency: "USD", pendingByDay: { "2026-12-21": 500 } };
    expect(balancesAt([old], new Date("2026-12-20T23:59:59.000Z")).USD).toMatchObject({ pendingMinor: 500, payableMinor: 0 });
    expect(balancesAt([old], new Date("2026-12-21T00:00:00.000Z")).USD).toMatchObject({ pendingMinor: 0, payableMinor: 500 });
  });

  it("is empty without shards", () => {
    expect(balancesAt([], new Date("2026-12-21T00:00:00.000Z"))).toEqual({});
  });
});

describe("payableKey", () => {
  it("rounds the payable instant up to the second, and now down, so nothing matures early", () => {
    expect(payableKey("2026-12-21T09:30:00.000Z")).toBe("2026-12-21T09:30:00Z");
    expect(payableKey("2026-12-21T09:30:00.001Z")).toBe("2026-12-21T09:30:01Z");
    expect(payableKey("2026-12-31T23:59:59.155553Z")).toBe("2027-01-01T00:00:00Z");
    expect(payableKeyAt(new Date("2026-12-21T09:30:00.999Z"))).toBe("2026-12-21T09:30:00Z");
    expect(() => payableKey("soon")).toThrow(RangeError);
  });

  it("writes keys the ledger accepts: no dot, one field-path segment", () => {
    for (const key of [payableKey("2026-12-21T09:30:00.5Z"), "2026-12-21"]) expect(PENDING_KEY.test(key)).toBe(true);
    expect(PENDING_KEY.test("2026-12-21T09:30:00.500Z")).toBe(false);
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
